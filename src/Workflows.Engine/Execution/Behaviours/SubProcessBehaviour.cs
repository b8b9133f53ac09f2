using Workflows.Engine.Model;

namespace Workflows.Engine.Execution.Behaviours;

/// <summary>
/// Embedded sub-process: a scope of its own. On entry its boundary events are armed, its event
/// sub-processes start listening and a token is placed on its start event; it completes (and leaves
/// by its outgoing flows) when nothing is active inside it — see <see cref="CommandExecution.RunToQuiescence"/>.
/// </summary>
internal sealed class SubProcessBehaviour : NodeBehaviour
{
    public static readonly SubProcessBehaviour Instance = new();

    public override void Arrive(CommandExecution run, FlowNode node, string? scopeId, string? viaFlowId)
    {
        var scope = run.StartActivity(node, scopeId, viaFlowId);
        run.ArmBoundaryEvents(scope);
        EventSubProcessBehaviour.Open(run, node.Id, scope.Id);
        var start = run.Definition.StartEventsOf(node.Id).FirstOrDefault(s => s.Definition is null)
                    ?? run.Definition.StartEventsOf(node.Id).FirstOrDefault();
        if (start is not null) run.Enqueue(start, scope.Id, null);
    }
}
