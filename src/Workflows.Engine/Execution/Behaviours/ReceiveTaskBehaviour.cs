using Workflows.Engine.Model;

namespace Workflows.Engine.Execution.Behaviours;

/// <summary>Receive task: subscribes to its message and waits; the message's payload is merged when it comes.</summary>
internal sealed class ReceiveTaskBehaviour : NodeBehaviour, ICatchingBehaviour
{
    public static readonly ReceiveTaskBehaviour Instance = new();

    public override void Arrive(CommandExecution run, FlowNode node, string? scopeId, string? viaFlowId)
    {
        var activity = run.StartActivity(node, scopeId, viaFlowId);
        run.Subscribe(((ReceiveTask)node).MessageName, node, activity.Id);
        run.ArmBoundaryEvents(activity);
    }

    public void Trigger(CommandExecution run, Trigger trigger) => run.CompleteAndLeave(run.State.Activities[trigger.OwnerId!]);
}
