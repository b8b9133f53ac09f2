using Workflows.Engine.Journal;
using Workflows.Engine.Model;

namespace Workflows.Engine.Execution.Behaviours;

/// <summary>
/// None end: the token is consumed; the scope completes once nothing else is active in it.
/// Terminate end (BPMN 2.0 §10.5.3): every other token of the enclosing scope is withdrawn at once —
/// at process level the instance ends as terminated; in a sub-process, the sub-process then completes
/// normally and its parent carries on.
/// </summary>
internal sealed class EndEventBehaviour : NodeBehaviour
{
    public static readonly EndEventBehaviour Instance = new();

    public override void Arrive(CommandExecution run, FlowNode node, string? scopeId, string? viaFlowId)
    {
        run.Complete(run.StartActivity(node, scopeId, viaFlowId));
        if (node is not EndEvent { IsTerminate: true }) return;

        var reason = $"Terminated by end event '{node.Id}'.";
        run.CancelScopeContents(scopeId, reason);
        run.DropArrivalsIn(scopeId);
        if (scopeId is null)
        {
            run.RemoveAllWaits();
            run.Emit(new InstanceTerminated(node.Id));
        }
        else
        {
            // The scope is ending: its event sub-processes can no longer start (its boundary events stay
            // armed until it completes, a moment later).
            run.RemoveWaits(scopeId, n => n is StartEvent);
        }
    }
}
