using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Workflows.Host.Auth;

/// <summary>
/// Case systems authenticate with <c>X-Api-Key</c>. Keys are configured only as SHA-256 hashes, so a
/// leaked configuration file gives nobody a usable key; the comparison is constant-time.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<AuthOptions> auth)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values)) return Task.FromResult(AuthenticateResult.NoResult());
        var presented = values.ToString();
        if (string.IsNullOrEmpty(presented) || presented.Length > 512)
            return Task.FromResult(AuthenticateResult.Fail("Invalid API key."));

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        foreach (var key in auth.Value.ApiKeys)
        {
            if (!CryptographicOperations.FixedTimeEquals(hash, Convert.FromHexString(key.KeyHash))) continue;
            var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, key.Name),
                new Claim(ClaimTypes.NameIdentifier, "api-key:" + key.Name),
                new Claim(ClaimTypes.Role, Roles.CaseSystem),
                new Claim(Roles.AuthorityClaim, key.Authority),
            ], SchemeName, ClaimTypes.Name, ClaimTypes.Role);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
        }
        return Task.FromResult(AuthenticateResult.Fail("Invalid API key."));
    }

    /// <summary>The hash to put in <c>Auth:ApiKeys:n:KeyHash</c> for a key.</summary>
    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
