using Workflows.Engine.Model;

namespace Workflows.Engine.Execution.Behaviours;

/// <summary>
/// Service or send task, and intermediate throw event: runs the handler for its <c>esc:action</c> within
/// the command and passes on (a throw event without an action is a milestone that just passes). It never
/// waits, so its boundary events are not armed; when the action fails it stays with an incident.
/// </summary>
internal sealed class ServiceTaskBehaviour : NodeBehaviour
{
    public static readonly ServiceTaskBehaviour Instance = new();

    public override void Arrive(CommandExecution run, FlowNode node, string? scopeId, string? viaFlowId)
    {
        var activity = run.StartActivity(node, scopeId, viaFlowId);
        if (run.PerformAction(activity, node)) run.CompleteAndLeave(activity);
    }
}
