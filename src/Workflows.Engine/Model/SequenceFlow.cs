namespace Workflows.Engine.Model;

/// <summary>A directed edge. <see cref="Condition"/> is a JavaScript expression over the instance variables.</summary>
public sealed record SequenceFlow : FlowElement
{
    public required string SourceId { get; init; }
    public required string TargetId { get; init; }
    public string? Condition { get; init; }
    public override string BpmnType => "sequenceFlow";
}
