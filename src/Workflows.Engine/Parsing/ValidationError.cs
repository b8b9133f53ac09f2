namespace Workflows.Engine.Parsing;

/// <summary>One reason a BPMN document can't be executed, pinned to the element that causes it.</summary>
/// <param name="ElementId">The element's id, or null when the document as a whole is at fault.</param>
/// <param name="ElementType">The BPMN element name as written, e.g. <c>boundaryEvent</c>.</param>
/// <param name="Message">A plain-English reason a QA lead can act on.</param>
public sealed record ValidationError(string? ElementId, string ElementType, string Message)
{
    public override string ToString() => $"{ElementType} '{ElementId ?? "-"}': {Message}";
}
