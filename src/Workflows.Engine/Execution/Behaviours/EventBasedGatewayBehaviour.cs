using Workflows.Engine.Model;

namespace Workflows.Engine.Execution.Behaviours;

/// <summary>
/// Event-based gateway: waits for whichever following catch event (timer, message, receive task)
/// happens first. Every candidate's wait is owned by the gateway, so completing the gateway withdraws
/// the losers in the same step; the winner is then entered by its flow and passed through.
/// </summary>
internal sealed class EventBasedGatewayBehaviour : NodeBehaviour, ICatchingBehaviour
{
    public static readonly EventBasedGatewayBehaviour Instance = new();

    public override void Arrive(CommandExecution run, FlowNode node, string? scopeId, string? viaFlowId)
    {
        var gateway = run.StartActivity(node, scopeId, viaFlowId);
        foreach (var flowId in node.Outgoing)
        {
            var target = run.Definition.Nodes[run.Definition.Flows[flowId].TargetId];
            switch (target)
            {
                case IntermediateCatchEvent { Definition: TimerEventDefinition timer }:
                    run.ArmTimer(target, timer.Timer, gateway.Id, gateway);
                    break;
                case IntermediateCatchEvent { Definition: MessageEventDefinition message }:
                    run.Subscribe(message.MessageName, target, gateway.Id);
                    break;
                case ReceiveTask receive:
                    run.Subscribe(receive.MessageName, target, gateway.Id);
                    break;
                default:
                    run.RaiseIncident(gateway, node,
                        $"Event-based gateway '{node.Id}' leads to {target.BpmnType} '{target.Id}', which is not a timer or message catch.");
                    break;
            }
        }
    }

    public void Trigger(CommandExecution run, Trigger trigger)
    {
        var gateway = run.State.Activities[trigger.OwnerId!];
        var flow = run.Definition.Nodes[gateway.NodeId].Outgoing
            .Select(id => run.Definition.Flows[id])
            .First(f => f.TargetId == trigger.Node.Id);
        run.Complete(gateway);
        run.CompleteAndLeave(run.StartActivity(trigger.Node, gateway.ScopeId, flow.Id));
    }
}
