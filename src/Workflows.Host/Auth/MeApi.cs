using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Workflows.Host.Auth;

/// <summary><c>GET /api/me</c>: who the caller is, as the host sees it (the designer shows it and hides what the roles can't do).</summary>
public static class MeApi
{
    public static IEndpointRouteBuilder MapMeApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me", GetMe)
            .RequireAuthorization(Policies.SignedIn)
            .WithTags("Me")
            .WithSummary("The signed-in caller: name and roles.");
        return app;
    }

    public sealed record MeResponse(string Name, IReadOnlyList<string> Roles, string? ReviewerRole, string? Authority);

    public static Ok<MeResponse> GetMe(ClaimsPrincipal user) => TypedResults.Ok(new MeResponse(
        user.Identity?.Name ?? user.FindFirst("sub")?.Value ?? "unknown",
        Roles.All.Where(user.IsInRole).ToList(),
        user.FindFirst(Roles.ReviewerRoleClaim)?.Value,
        user.FindFirst(Roles.AuthorityClaim)?.Value));
}
