using Workflows.Engine.Model;

namespace Workflows.Engine.Execution.Behaviours;

/// <summary>
/// Event sub-process: its start event listens (timer or message) for as long as its enclosing scope
/// runs — armed when the scope starts, withdrawn when it ends, and never keeping it alive on its own.
/// Interrupting: everything else in the scope is withdrawn (and its other event sub-processes stop
/// listening) before it runs. Non-interrupting: it runs alongside; its message subscription stays
/// open for further triggers and a timer cycle re-arms while repetitions remain.
/// </summary>
internal sealed class EventSubProcessBehaviour : ICatchingBehaviour
{
    public static readonly EventSubProcessBehaviour Instance = new();

    /// <summary>Starts listening for the event sub-processes directly inside a scope.</summary>
    /// <param name="scopeElementId">The scope's element (sub-process id; null = the process).</param>
    /// <param name="scopeActivityId">The scope's activity instance, which owns the waits (null = the process).</param>
    public static void Open(CommandExecution run, string? scopeElementId, string? scopeActivityId)
    {
        foreach (var eventSubProcess in run.Definition.EventSubProcessesOf(scopeElementId))
        {
            foreach (var start in run.Definition.StartEventsOf(eventSubProcess.Id))
            {
                switch (start.Definition)
                {
                    case TimerEventDefinition timer:
                        run.ArmTimer(start, timer.Timer, scopeActivityId, null);
                        break;
                    case MessageEventDefinition message:
                        run.Subscribe(message.MessageName, start, scopeActivityId);
                        break;
                }
            }
        }
    }

    public void Trigger(CommandExecution run, Trigger trigger)
    {
        var start = (StartEvent)trigger.Node;
        var eventSubProcess = run.Definition.Get<SubProcess>(start.ParentId!);
        var scopeId = trigger.OwnerId;
        if (scopeId is not null && !run.State.Activities.ContainsKey(scopeId)) return;

        if (start.IsInterrupting)
        {
            run.CancelScopeContents(scopeId, $"Interrupted by event sub-process '{eventSubProcess.Id}'.");
            run.RemoveWaits(scopeId, n => n is StartEvent);
        }
        else if (trigger.Timer is { } timer)
        {
            run.RearmCycle(timer);
        }

        var instance = run.StartActivity(eventSubProcess, scopeId, null);
        Open(run, eventSubProcess.Id, instance.Id);
        run.Enqueue(start, instance.Id, null);
    }
}
