using Workflows.Engine.Model;

namespace Workflows.Engine.Execution.Behaviours;

/// <summary>
/// Boundary timer or message event. Interrupting: the activity and everything inside it is withdrawn
/// and the token continues from the boundary event. Non-interrupting: the activity carries on and a
/// new token leaves the boundary event; a message subscription stays open for further messages and
/// a timer cycle re-arms while repetitions remain.
/// </summary>
internal sealed class BoundaryEventBehaviour : ICatchingBehaviour
{
    public static readonly BoundaryEventBehaviour Instance = new();

    public static void Arm(CommandExecution run, BoundaryEvent boundary, ActivityInstance attachedTo)
    {
        switch (boundary.Definition)
        {
            case TimerEventDefinition timer:
                run.ArmTimer(boundary, timer.Timer, attachedTo.Id, attachedTo);
                break;
            case MessageEventDefinition message:
                run.Subscribe(message.MessageName, boundary, attachedTo.Id);
                break;
        }
    }

    public void Trigger(CommandExecution run, Trigger trigger)
    {
        var boundary = (BoundaryEvent)trigger.Node;
        if (trigger.OwnerId is null || !run.State.Activities.TryGetValue(trigger.OwnerId, out var attachedTo)) return;
        if (boundary.CancelActivity) run.Cancel(attachedTo, $"Interrupted by boundary event '{boundary.Id}'.");
        else if (trigger.Timer is { } timer) run.RearmCycle(timer);
        run.CompleteAndLeave(run.StartActivity(boundary, attachedTo.ScopeId, null));
    }
}
