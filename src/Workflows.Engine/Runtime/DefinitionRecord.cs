namespace Workflows.Engine.Runtime;

/// <summary>A stored version of a process. Published versions are immutable; instances pin one.</summary>
public sealed record DefinitionRecord(string Key, int Version, string Name, string Xml, string ContentHash,
    bool Published, DateTimeOffset CreatedAt)
{
    /// <summary>The content hash every store uses: SHA-256 of the XML as UTF-8, lower-case hex.</summary>
    public static string HashOf(string xml) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(xml)));
}
