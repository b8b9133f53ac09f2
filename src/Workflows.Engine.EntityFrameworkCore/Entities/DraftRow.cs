namespace Workflows.Engine.EntityFrameworkCore.Entities;

/// <summary>The one editable draft of a definition key, as last saved from the designer.</summary>
public sealed class DraftRow
{
    public string Key { get; set; } = "";
    public string Xml { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}
