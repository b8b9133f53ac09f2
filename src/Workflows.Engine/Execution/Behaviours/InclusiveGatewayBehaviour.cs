using Workflows.Engine.Journal;
using Workflows.Engine.Model;

namespace Workflows.Engine.Execution.Behaviours;

/// <summary>
/// Inclusive gateway. Fork: every outgoing flow whose condition holds (a flow without one always
/// holds), else the default flow, else an incident. Join (BPMN 2.0 §13.4.4): fires once at least one
/// token has arrived and no other token in the same scope can still reach the gateway — decided by
/// graph reachability when the run is at rest, since only then is no token in flight.
/// </summary>
internal sealed class InclusiveGatewayBehaviour : NodeBehaviour
{
    public static readonly InclusiveGatewayBehaviour Instance = new();

    public override void Arrive(CommandExecution run, FlowNode node, string? scopeId, string? viaFlowId)
    {
        if (node.Incoming.Count > 1)
        {
            run.Emit(new JoinTokenArrived(JoinKey.For(scopeId, node.Id), node.Id, viaFlowId ?? ""));
            return;
        }
        Fork(run, (Gateway)node, scopeId, viaFlowId);
    }

    /// <summary>Fires one inclusive join that no other token can reach any more; false when there is none.</summary>
    public static bool FireReadyJoin(CommandExecution run)
    {
        foreach (var (key, arrived) in run.State.Joins.ToList())
        {
            if (run.Definition.Nodes[JoinKey.NodeOf(key)] is not Gateway { Kind: GatewayKind.Inclusive } gateway) continue;
            var scopeId = JoinKey.ScopeOf(key);
            if (CanAnotherTokenReach(run, scopeId, gateway, key)) continue;
            run.Emit(new JoinFired(key, gateway.Id, [.. arrived.Distinct(StringComparer.Ordinal)]));
            Fork(run, gateway, scopeId, null);
            return true;
        }
        return false;
    }

    private static void Fork(CommandExecution run, Gateway gateway, string? scopeId, string? viaFlowId)
    {
        var activity = run.StartActivity(gateway, scopeId, viaFlowId);
        var taken = new List<SequenceFlow>();
        foreach (var flowId in gateway.Outgoing)
        {
            if (flowId == gateway.DefaultFlowId) continue;
            var flow = run.Definition.Flows[flowId];
            if (!run.TryEvaluate(flow, out var holds, out var error))
            {
                run.RaiseIncident(activity, gateway, error);
                return;
            }
            if (holds) taken.Add(flow);
        }
        if (taken.Count == 0 && gateway.DefaultFlowId is { } defaultFlowId) taken.Add(run.Definition.Flows[defaultFlowId]);
        if (taken.Count == 0)
        {
            run.RaiseIncident(activity, gateway, $"No condition of inclusive gateway '{gateway.Id}' holds and it has no default flow.");
            return;
        }
        run.CompleteAndTake(activity, taken);
    }

    private static bool CanAnotherTokenReach(CommandExecution run, string? scopeId, Gateway join, string joinKey)
    {
        var positions = run.ActivitiesIn(scopeId).Select(a => a.NodeId)
            .Concat(run.State.Joins.Keys.Where(k => k != joinKey && JoinKey.ScopeOf(k) == scopeId).Select(JoinKey.NodeOf));
        return positions.Any(from => Reaches(run.Definition, from, join.Id));
    }

    /// <summary>Whether a path of sequence flows (or an attached boundary event) leads from one node to another.</summary>
    private static bool Reaches(ProcessDefinition definition, string fromId, string targetId)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { fromId };
        var queue = new Queue<string>([fromId]);
        while (queue.TryDequeue(out var id))
        {
            var node = definition.Nodes[id];
            var next = node.Outgoing.Select(f => definition.Flows[f].TargetId)
                .Concat(definition.BoundaryEventsOf(id).Select(b => b.Id));
            foreach (var successor in next)
            {
                if (successor == targetId) return true;
                if (seen.Add(successor)) queue.Enqueue(successor);
            }
        }
        return false;
    }
}
