namespace Workflows.Engine.Runtime;

/// <summary>Process definitions by key and version, plus one editable draft per key.</summary>
public interface IDefinitionStore
{
    Task<IReadOnlyList<DefinitionRecord>> ListAsync(CancellationToken ct);
    Task<DefinitionRecord?> GetAsync(string key, int version, CancellationToken ct);
    Task<DefinitionRecord?> GetLatestPublishedAsync(string key, CancellationToken ct);
    Task<string?> GetDraftAsync(string key, CancellationToken ct);
    Task SaveDraftAsync(string key, string xml, DateTimeOffset at, CancellationToken ct);

    /// <summary>Stores a new published version (one more than the latest). Returns the stored record;
    /// when the latest published version has the same content hash, returns it instead of a copy.</summary>
    Task<DefinitionRecord> PublishAsync(string key, string name, string xml, DateTimeOffset at, CancellationToken ct);
}
