using Workflows.Engine.Journal;
using Workflows.Engine.Model;

namespace Workflows.Engine.Execution.Behaviours;

/// <summary>
/// Parallel gateway: joins by waiting (per scope) until a token has come by every incoming flow, then
/// consumes one from each; forks by sending a token down every outgoing flow, conditions ignored.
/// </summary>
internal sealed class ParallelGatewayBehaviour : NodeBehaviour
{
    public static readonly ParallelGatewayBehaviour Instance = new();

    public override void Arrive(CommandExecution run, FlowNode node, string? scopeId, string? viaFlowId)
    {
        if (node.Incoming.Count > 1)
        {
            var key = JoinKey.For(scopeId, node.Id);
            run.Emit(new JoinTokenArrived(key, node.Id, viaFlowId ?? ""));
            var arrived = run.State.Joins[key];
            if (!node.Incoming.All(arrived.Contains)) return;
            run.Emit(new JoinFired(key, node.Id, [.. node.Incoming]));
        }
        var activity = run.StartActivity(node, scopeId, viaFlowId);
        run.CompleteAndTake(activity, node.Outgoing.Select(id => run.Definition.Flows[id]));
    }
}
