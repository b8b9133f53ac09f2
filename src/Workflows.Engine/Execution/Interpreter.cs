using Workflows.Engine.Execution.Behaviours;
using Workflows.Engine.Journal;
using Workflows.Engine.Model;
using Workflows.Engine.Runtime;

namespace Workflows.Engine.Execution;

/// <summary>
/// Runs commands against one process definition. A command is checked first — if it can't apply, a
/// <see cref="WorkflowCommandException"/> is thrown before any event exists — and then run to
/// quiescence: the returned events have already been applied to the state, in order.
/// Deterministic: the instant comes from the caller, ids from <see cref="InstanceState.TakeId"/>, and
/// handlers and expressions are sandboxed, so the events are the whole truth of what happened.
/// Thread-safe: one interpreter serves every instance of its definition.
/// </summary>
public sealed class Interpreter(ProcessDefinition definition, InterpreterServices services)
{
    public ProcessDefinition Definition { get; } = definition;

    /// <param name="state">The instance's state (a fresh <see cref="InstanceState"/> for a start); changed in place.</param>
    /// <param name="now">The command's instant: the time of every event it produces.</param>
    /// <param name="instanceIdForStart">The new instance's id; required for <see cref="StartInstance"/> only.</param>
    /// <returns>The events, already applied. Empty for a <see cref="FireTimer"/> whose timer is no longer armed.</returns>
    public IReadOnlyList<WorkflowEvent> Execute(InstanceState state, WorkflowCommand command, DateTimeOffset now,
        string? instanceIdForStart = null)
    {
        var run = new CommandExecution(Definition, services, state, now, command.Actor);
        switch (command)
        {
            case StartInstance start:
                Start(run, start, instanceIdForStart);
                break;
            case CompleteUserTask complete:
                EnsureRunning(state, complete.InstanceId);
                UserTaskBehaviour.Complete(run, FindUserTask(state, complete.TaskId), complete.Variables);
                break;
            case CorrelateMessage message:
                EnsureRunning(state, state.InstanceId);
                Deliver(run, message);
                break;
            case FireTimer fire:
                if (!string.Equals(state.InstanceId, fire.InstanceId, StringComparison.Ordinal))
                    throw WorkflowCommandException.NotFound($"Instance {fire.InstanceId} was not found.");
                // Not armed any more (fired already, or withdrawn): firing it again must change nothing.
                if (!state.Timers.TryGetValue(fire.TimerId, out var timer)) return [];
                run.Emit(new TimerFired(timer.TimerId, timer.NodeId));
                run.Triggered(timer, null);
                break;
            case CancelInstance cancel:
                EnsureRunning(state, cancel.InstanceId);
                run.CancelScopeContents(null, cancel.Reason);
                run.RemoveAllWaits();
                run.Emit(new InstanceCancelled(cancel.Reason));
                break;
            default:
                throw WorkflowCommandException.Invalid($"The interpreter does not run {command.GetType().Name} commands.");
        }
        run.RunToQuiescence();
        return run.Events;
    }

    private void Start(CommandExecution run, StartInstance start, string? instanceId)
    {
        if (run.State.StartedAt is not null || run.State.InstanceId.Length > 0)
            throw WorkflowCommandException.Conflict($"Instance {run.State.InstanceId} has already started.");
        if (start.Version is not { } version)
            throw WorkflowCommandException.Invalid("The definition version must be resolved before an instance starts.");
        if (string.IsNullOrEmpty(instanceId))
            throw WorkflowCommandException.Invalid("A new instance needs an id.");

        // The none start event; a process that has only message start events starts at the first of
        // those (the start command carries the message's payload as its variables).
        var startEvents = Definition.StartEventsOf(null).ToList();
        var startEvent = startEvents.FirstOrDefault(s => s.Definition is null)
                         ?? startEvents.FirstOrDefault(s => s.Definition is MessageEventDefinition)
                         ?? throw WorkflowCommandException.Invalid($"Process '{Definition.Id}' has no none or message start event.");

        run.Emit(new InstanceStarted(instanceId, start.DefinitionKey, version, start.CorrelationKey,
            CommandExecution.Copy(start.Variables) ?? []));
        EventSubProcessBehaviour.Open(run, null, null);
        run.Enqueue(startEvent, null, null);
    }

    private static void Deliver(CommandExecution run, CorrelateMessage message)
    {
        var state = run.State;
        if (!string.Equals(state.CorrelationKey, message.CorrelationKey, StringComparison.Ordinal))
            throw WorkflowCommandException.NotFound(
                $"Instance {state.InstanceId} is not correlated by '{message.CorrelationKey}'.");
        // Several waits for one message name: the oldest takes it (one message, one catch).
        var subscription = state.Messages.Values
                               .Where(m => string.Equals(m.MessageName, message.MessageName, StringComparison.Ordinal))
                               .OrderBy(m => m.SubscriptionId, LocalIdComparer.Instance)
                               .FirstOrDefault()
                           ?? throw WorkflowCommandException.NotFound(
                               $"Instance {state.InstanceId} is not waiting for message '{message.MessageName}'.");
        run.Emit(new MessageReceived(subscription.SubscriptionId, subscription.MessageName, subscription.NodeId,
            CommandExecution.Copy(message.Payload)));
        run.Triggered(null, subscription);
    }

    private static void EnsureRunning(InstanceState state, string instanceId)
    {
        if (!string.Equals(state.InstanceId, instanceId, StringComparison.Ordinal) || state.StartedAt is null)
            throw WorkflowCommandException.NotFound($"Instance {instanceId} was not found.");
        if (state.Status != InstanceStatus.Running)
            throw WorkflowCommandException.Conflict($"Instance {instanceId} has already ended ({state.Status}).");
    }

    /// <summary>By activity id (<c>a12</c>) or, when only one is open, by the task's element id (<c>IroDecision_1</c>).</summary>
    private static ActivityInstance FindUserTask(InstanceState state, string taskId)
    {
        if (state.Activities.TryGetValue(taskId, out var byId) && byId.NodeType == "userTask") return byId;
        var byNode = state.Activities.Values.Where(a => a.NodeType == "userTask" && a.NodeId == taskId).ToList();
        return byNode.Count switch
        {
            1 => byNode[0],
            0 => throw WorkflowCommandException.NotFound($"Instance {state.InstanceId} has no open user task '{taskId}'."),
            _ => throw WorkflowCommandException.Conflict(
                $"Instance {state.InstanceId} has {byNode.Count} open '{taskId}' tasks: complete one by its activity id."),
        };
    }
}
