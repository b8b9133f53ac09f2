using Workflows.Engine.Model;

namespace Workflows.Engine.Execution.Behaviours;

/// <summary>A start event (of the process, a sub-process or a triggered event sub-process): passes straight on.</summary>
internal sealed class StartEventBehaviour : NodeBehaviour
{
    public static readonly StartEventBehaviour Instance = new();

    public override void Arrive(CommandExecution run, FlowNode node, string? scopeId, string? viaFlowId) =>
        run.CompleteAndLeave(run.StartActivity(node, scopeId, viaFlowId));
}
