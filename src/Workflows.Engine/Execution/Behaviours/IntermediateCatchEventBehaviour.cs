using Workflows.Engine.Model;

namespace Workflows.Engine.Execution.Behaviours;

/// <summary>Intermediate timer or message catch event: waits for its timer or message, then passes on.</summary>
internal sealed class IntermediateCatchEventBehaviour : NodeBehaviour, ICatchingBehaviour
{
    public static readonly IntermediateCatchEventBehaviour Instance = new();

    public override void Arrive(CommandExecution run, FlowNode node, string? scopeId, string? viaFlowId)
    {
        var activity = run.StartActivity(node, scopeId, viaFlowId);
        switch (((IntermediateCatchEvent)node).Definition)
        {
            case TimerEventDefinition timer:
                run.ArmTimer(node, timer.Timer, activity.Id, activity);
                break;
            case MessageEventDefinition message:
                run.Subscribe(message.MessageName, node, activity.Id);
                break;
            default:
                run.RaiseIncident(activity, node, $"Intermediate catch event '{node.Id}' has no timer or message to wait for.");
                break;
        }
    }

    public void Trigger(CommandExecution run, Trigger trigger) => run.CompleteAndLeave(run.State.Activities[trigger.OwnerId!]);
}
