using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Workflows.Escalations.Protocols;
using Workflows.Host.Storage;

namespace Workflows.Host.Definitions;

/// <summary>A protocol's settings (roles, templates, gates, …) as JSON, for the designer.</summary>
public interface IProtocolSettingsSource
{
    Task<JsonObject?> GetAsync(string key, CancellationToken ct);
}

/// <summary>
/// The protocol catalogue's settings for the key (as the domain read them); for a key the catalogue doesn't
/// hold, <c>{key}.settings.json</c> from the shipped protocol folder as written.
/// </summary>
public sealed class ProtocolSettingsSource(IOptions<StorageStartupOptions> options, ProtocolCatalogue? catalogue = null)
    : IProtocolSettingsSource
{
    public async Task<JsonObject?> GetAsync(string key, CancellationToken ct)
    {
        if (catalogue?.Find(key) is { } settings) return JsonNode.Parse(settings.ToJson()) as JsonObject;
        if (!DefinitionKeys.IsValid(key)) return null;
        var path = Path.Combine(options.Value.SeedFolderPath, key + ProtocolCatalogue.SettingsSuffix);
        if (!File.Exists(path)) return null;
        await using var stream = File.OpenRead(path);
        return await JsonNode.ParseAsync(stream, cancellationToken: ct, documentOptions: new JsonDocumentOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        }) as JsonObject;
    }
}
