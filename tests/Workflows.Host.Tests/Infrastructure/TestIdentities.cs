using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Workflows.Host.Auth;

namespace Workflows.Host.Tests.Infrastructure;

/// <summary>The credentials the tests sign in with: JWTs minted with the test signing key, and API keys.</summary>
public static class TestIdentities
{
    public const string SigningKey = "test-signing-key-for-workflows-host-tests-0123456789";
    public const string Issuer = "https://issuer.test";
    public const string Audience = "workflows-api";

    /// <summary>A case system's key for every authority, and one for a single authority.</summary>
    public const string CaseSystemKey = "test-case-system-key-all-authorities";
    public const string BlackpoolKey = "test-case-system-key-blackpool-only";

    public static IReadOnlyDictionary<string, string?> Settings(string prefix = "") => new Dictionary<string, string?>
    {
        ["Auth:Jwt:SigningKey"] = SigningKey,
        ["Auth:Jwt:Issuer"] = Issuer,
        ["Auth:Jwt:Audience"] = Audience,
        ["Auth:ApiKeys:0:Name"] = "mosaic-test",
        ["Auth:ApiKeys:0:KeyHash"] = ApiKeyAuthenticationHandler.HashOf(CaseSystemKey),
        ["Auth:ApiKeys:0:Authority"] = "*",
        ["Auth:ApiKeys:1:Name"] = "mosaic-blackpool",
        ["Auth:ApiKeys:1:KeyHash"] = ApiKeyAuthenticationHandler.HashOf(BlackpoolKey),
        ["Auth:ApiKeys:1:Authority"] = "blackpool",
    };

    public static string Token(string name, string[] roles, string? reviewerRole = null, string? audience = null,
        string signingKey = SigningKey, DateTime? expires = null)
    {
        var claims = new Dictionary<string, object>
        {
            ["sub"] = "sub-" + name.ToLowerInvariant().Replace(' ', '-'),
            ["name"] = name,
            ["roles"] = roles,
        };
        if (reviewerRole is not null) claims[Roles.ReviewerRoleClaim] = reviewerRole;
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience ?? Audience,
            Claims = claims,
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = expires ?? now.AddHours(1),
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)), SecurityAlgorithms.HmacSha256),
        });
    }

    public static string Iro => Token("Irene IRO", [Roles.Reviewer], Roles.Iro);
    public static string CpChair => Token("Colin Chair", [Roles.Reviewer], Roles.CpChair);
    public static string Manager => Token("Mona Manager", [Roles.Manager]);
    public static string QaLead => Token("Quinn QA", [Roles.QaLead]);
    public static string Auditor => Token("Audrey Auditor", [Roles.Auditor]);
    public static string Admin => Token("Ada Admin", [Roles.Admin]);
}
