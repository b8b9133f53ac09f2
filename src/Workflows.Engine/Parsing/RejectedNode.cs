using Workflows.Engine.Model;

namespace Workflows.Engine.Parsing;

/// <summary>
/// Stands in for a flow node the engine refuses (a <c>scriptTask</c>, a signal event…), so that the
/// sequence flows and boundary events around it are still checked without a cascade of "names no
/// element" errors. Its refusal is already reported; graph rules skip it. It never reaches a
/// <see cref="ProcessDefinition"/>, because any refusal means no definition is built.
/// </summary>
internal sealed record RejectedNode : FlowNode
{
    public required string ElementName { get; init; }
    public override string BpmnType => ElementName;
    public bool IsActivity => BpmnVocabulary.Activities.Contains(ElementName);
}
