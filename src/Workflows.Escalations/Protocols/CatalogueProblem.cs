namespace Workflows.Escalations.Protocols;

/// <summary>One reason a protocol's files don't fit together, pinned to the file and (when known) the BPMN element.</summary>
/// <param name="File">The file name, e.g. <c>devon.bpmn</c>.</param>
/// <param name="ElementId">The BPMN element id, or null for the file as a whole.</param>
public sealed record CatalogueProblem(string File, string? ElementId, string Message)
{
    public override string ToString() => ElementId is null ? $"{File}: {Message}" : $"{File} '{ElementId}': {Message}";
}
