namespace Workflows.Engine.EntityFrameworkCore.Entities;

/// <summary>A stored version of a process definition; (key, version) is the primary key.</summary>
public sealed class DefinitionRow
{
    public string Key { get; set; } = "";
    public int Version { get; set; }
    public string Name { get; set; } = "";
    public string Xml { get; set; } = "";

    /// <summary>SHA-256 of the XML: publishing unchanged XML returns the existing version instead of a copy.</summary>
    public string ContentHash { get; set; } = "";
    public bool Published { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
