namespace Workflows.Engine.Runtime;

/// <summary>A stored version of a process. Published versions are immutable; instances pin one.</summary>
public sealed record DefinitionRecord(string Key, int Version, string Name, string Xml, string ContentHash,
    bool Published, DateTimeOffset CreatedAt);
