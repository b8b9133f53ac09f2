using System.ComponentModel.DataAnnotations;
using Workflows.Host.Configuration;

namespace Workflows.Host.Auth;

/// <summary>Configuration section <c>Auth</c>: API keys for case systems and the JWT bearer set-up for people.</summary>
public sealed class AuthOptions : IConfigurationProblems
{
    public const string Section = "Auth";

    /// <summary><c>Auth:ApiKeys</c>: one entry per case system. Only the SHA-256 of each key is stored.</summary>
    public List<ApiKeyOptions> ApiKeys { get; set; } = [];

    public JwtOptions Jwt { get; set; } = new();

    /// <summary>Start-up validation: every problem at once, named by configuration key.</summary>
    public IEnumerable<string> Problems()
    {
        for (var i = 0; i < ApiKeys.Count; i++)
        {
            var key = ApiKeys[i];
            if (string.IsNullOrWhiteSpace(key.Name)) yield return $"Auth:ApiKeys:{i}:Name is required.";
            if (string.IsNullOrWhiteSpace(key.Authority))
                yield return $"Auth:ApiKeys:{i}:Authority is required (a protocol key, or * for every authority).";
            if (key.KeyHash is null || key.KeyHash.Length != 64 || !key.KeyHash.All(Uri.IsHexDigit))
                yield return $"Auth:ApiKeys:{i}:KeyHash must be the SHA-256 of the key as 64 hex digits.";
        }
        if (ApiKeys.GroupBy(k => k.Name, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
            yield return "Auth:ApiKeys: names must be unique.";

        var hasAuthority = !string.IsNullOrWhiteSpace(Jwt.Authority);
        var hasKey = !string.IsNullOrWhiteSpace(Jwt.SigningKey);
        if (hasAuthority == hasKey)
            yield return "Auth:Jwt needs exactly one of Authority (an OIDC issuer) or SigningKey (development and tests).";
        if (hasKey && System.Text.Encoding.UTF8.GetByteCount(Jwt.SigningKey!) < 32)
            yield return "Auth:Jwt:SigningKey must be at least 32 bytes.";
        if (hasKey && string.IsNullOrWhiteSpace(Jwt.Issuer)) yield return "Auth:Jwt:Issuer is required with SigningKey.";
        if (string.IsNullOrWhiteSpace(Jwt.Audience)) yield return "Auth:Jwt:Audience is required.";
    }
}

public sealed class ApiKeyOptions
{
    /// <summary>Who calls, e.g. <c>mosaic-blackpool</c>; shown in logs and journals as the actor.</summary>
    public string Name { get; set; } = "";

    /// <summary>Lower- or upper-case hex SHA-256 of the key (<c>printf %s KEY | sha256sum</c>).</summary>
    public string KeyHash { get; set; } = "";

    /// <summary>The protocol key whose escalations this key may drive, or <c>*</c> for all.</summary>
    public string Authority { get; set; } = "";
}

public sealed class JwtOptions
{
    /// <summary>OIDC issuer whose discovery document gives the signing keys (production).</summary>
    public string? Authority { get; set; }

    [Required]
    public string? Audience { get; set; }

    /// <summary>Symmetric key for development and tests instead of <see cref="Authority"/>.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Expected issuer with <see cref="SigningKey"/>.</summary>
    public string? Issuer { get; set; }

    /// <summary>Claim holding the roles (default <c>roles</c>, as Entra ID and Keycloak mappers emit).</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>Claim holding the display name.</summary>
    public string NameClaim { get; set; } = "name";

    /// <summary>Only for a local OIDC issuer over plain HTTP.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}
