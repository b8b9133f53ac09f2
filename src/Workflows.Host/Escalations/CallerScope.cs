using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Host.Auth;
using Workflows.Host.Problems;

namespace Workflows.Host.Escalations;

/// <summary>
/// What a caller may touch beyond its role: a case system's API key acts for one authority (its protocol
/// key) unless configured with <c>*</c>; a reviewer raises only in their own capacity (IRO or CP Chair).
/// </summary>
public static class CallerScope
{
    /// <summary>The protocol an API key is limited to; null for people and for <c>*</c> keys.</summary>
    public static string? Authority(ClaimsPrincipal user)
    {
        var authority = user.FindFirstValue(Roles.AuthorityClaim);
        return authority is null or "*" ? null : authority;
    }

    public static ProblemHttpResult? Refuse(ClaimsPrincipal user, string protocol)
    {
        var authority = Authority(user);
        return authority is null || string.Equals(authority, protocol, StringComparison.Ordinal)
            ? null
            : ApiProblems.Forbidden($"This API key acts for '{authority}' only, not for protocol '{protocol}'.");
    }

    /// <summary>A signed-in IRO can't raise as a CP Chair, or the other way round.</summary>
    public static ProblemHttpResult? ReviewerMismatch(ClaimsPrincipal user, string raiserRole)
    {
        if (!user.IsInRole(Roles.Reviewer) || user.FindFirstValue(Roles.ReviewerRoleClaim) is not { } own) return null;
        return string.Equals(own, raiserRole, StringComparison.Ordinal)
            ? null
            : ApiProblems.Forbidden($"You are signed in as {own}; raiserRole '{raiserRole}' does not match.");
    }
}
