using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Workflows.Host.Configuration;

namespace Workflows.Host.Auth;

public static class AuthSetup
{
    /// <summary>The default scheme: an <c>X-Api-Key</c> header means a case system, anything else a bearer token.</summary>
    public const string Scheme = "Workflows";

    public static IServiceCollection AddWorkflowsAuth(this IServiceCollection services)
    {
        services.AddSelfValidatingOptions<AuthOptions>(AuthOptions.Section);

        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "API key or bearer token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.Header)
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : JwtBearerDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddJwtBearer();

        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((bearer, auth) => Configure(bearer, auth.Value.Jwt));

        services.AddAuthorization(Policies.Add);
        return services;
    }

    private static void Configure(JwtBearerOptions bearer, JwtOptions jwt)
    {
        bearer.MapInboundClaims = false;
        bearer.Audience = jwt.Audience;
        bearer.TokenValidationParameters.RoleClaimType = jwt.RoleClaim;
        bearer.TokenValidationParameters.NameClaimType = jwt.NameClaim;
        bearer.TokenValidationParameters.ValidAudience = jwt.Audience;
        if (!string.IsNullOrWhiteSpace(jwt.Authority))
        {
            bearer.Authority = jwt.Authority;
            bearer.RequireHttpsMetadata = jwt.RequireHttpsMetadata;
            return;
        }
        bearer.TokenValidationParameters.ValidIssuer = jwt.Issuer;
        bearer.TokenValidationParameters.IssuerSigningKey =
            new SymmetricSecurityKey(Encoding.UTF8.GetBytes(jwt.SigningKey ?? ""));
    }

    /// <summary>The actor recorded in journals: the key name for a case system, else the person's name or subject.</summary>
    public static string ActorOf(ClaimsPrincipal user)
    {
        var name = user.Identity?.Name ?? user.FindFirst("sub")?.Value ?? "unknown";
        return user.IsInRole(Roles.CaseSystem) ? "case-system:" + name : name;
    }
}
