using Workflows.Engine.Model;

namespace Workflows.Engine.Execution.Behaviours;

/// <summary>
/// Exclusive gateway: the first outgoing flow (in document order) whose condition holds, else the
/// default flow, else an incident. A flow without a condition always holds. Merging is pass-through:
/// each arriving token goes on alone.
/// </summary>
internal sealed class ExclusiveGatewayBehaviour : NodeBehaviour
{
    public static readonly ExclusiveGatewayBehaviour Instance = new();

    public override void Arrive(CommandExecution run, FlowNode node, string? scopeId, string? viaFlowId)
    {
        var gateway = (Gateway)node;
        var activity = run.StartActivity(node, scopeId, viaFlowId);
        foreach (var flowId in gateway.Outgoing)
        {
            if (flowId == gateway.DefaultFlowId) continue;
            var flow = run.Definition.Flows[flowId];
            if (!run.TryEvaluate(flow, out var holds, out var error))
            {
                run.RaiseIncident(activity, node, error);
                return;
            }
            if (!holds) continue;
            run.CompleteAndTake(activity, [flow]);
            return;
        }

        if (gateway.DefaultFlowId is { } defaultFlowId)
        {
            run.CompleteAndTake(activity, [run.Definition.Flows[defaultFlowId]]);
            return;
        }
        run.RaiseIncident(activity, node, $"No condition of exclusive gateway '{node.Id}' holds and it has no default flow.");
    }
}
