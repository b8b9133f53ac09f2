using Workflows.Engine.Model;

namespace Workflows.Engine.Execution.Behaviours;

/// <summary>Intermediate throw event: a milestone; with an <c>esc:action</c> it runs that handler like a service task.</summary>
internal sealed class IntermediateThrowEventBehaviour : NodeBehaviour
{
    public static readonly IntermediateThrowEventBehaviour Instance = new();

    public override void Arrive(CommandExecution run, FlowNode node, string? scopeId, string? viaFlowId)
    {
        var activity = run.StartActivity(node, scopeId, viaFlowId);
        if (run.PerformAction(activity, node)) run.CompleteAndLeave(activity);
    }
}
