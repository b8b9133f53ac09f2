using Workflows.Host.Configuration;

namespace Workflows.Host.Outbox;

/// <summary>
/// Configuration section <c>CaseSystems</c>: per protocol key, where its case system receives callbacks
/// (<c>CaseSystems:{protocolKey}:WebhookUrl</c>) and the shared secret they are signed with
/// (<c>CaseSystems:{protocolKey}:Secret</c>).
/// </summary>
public sealed class CaseSystemsOptions : Dictionary<string, CaseSystemEndpoint>, IConfigurationProblems
{
    public const string Section = "CaseSystems";

    public CaseSystemsOptions() : base(StringComparer.OrdinalIgnoreCase) { }

    public IEnumerable<string> Problems()
    {
        foreach (var (protocol, endpoint) in this)
        {
            if (!Uri.TryCreate(endpoint.WebhookUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
                yield return $"CaseSystems:{protocol}:WebhookUrl must be an absolute http(s) URL.";
            if (string.IsNullOrEmpty(endpoint.Secret) || endpoint.Secret.Length < 16)
                yield return $"CaseSystems:{protocol}:Secret must be at least 16 characters.";
        }
    }
}

public sealed class CaseSystemEndpoint
{
    public string WebhookUrl { get; set; } = "";
    public string Secret { get; set; } = "";
}
