using Workflows.Engine.Execution.Behaviours;
using Workflows.Engine.Expressions;
using Workflows.Engine.Journal;
using Workflows.Engine.Model;

namespace Workflows.Engine.Execution;

/// <summary>Waits: timers and message subscriptions, who owns them, and what happens when one is triggered.</summary>
internal sealed partial class CommandExecution
{
    /// <summary>
    /// Arms a timer at its absolute due instant, evaluated now, once (a later calendar change never moves
    /// a running deadline). A value that can't be evaluated raises an incident instead.
    /// </summary>
    public bool ArmTimer(FlowNode node, TimerDefinition timer, string? ownerId, ActivityInstance? activity)
    {
        DateTimeOffset due;
        int? repeats;
        TimeSpan? interval;
        try
        {
            due = Services.Expressions.EvaluateTimerDue(timer, Scope, out repeats, out interval);
        }
        catch (ExpressionException ex)
        {
            RaiseIncident(activity, node, $"The timer of '{node.Id}' could not be armed: {ex.Message}");
            return false;
        }
        // The id is taken only now that the TimerArmed event that carries it is certain (replay must agree).
        Emit(new TimerArmed(State.TakeId('t'), node.Id, ownerId, due, repeats - 1, interval));
        return true;
    }

    /// <summary>Re-arms a cycle timer one interval after the firing it replaces, while repetitions remain.</summary>
    public void RearmCycle(TimerSubscription fired)
    {
        if (fired.Interval is not { } interval || fired.RepeatsLeft is <= 0) return;
        Emit(new TimerArmed(State.TakeId('t'), fired.NodeId, fired.OwnerId, fired.DueAt + interval, fired.RepeatsLeft - 1, interval));
    }

    public void Subscribe(string messageName, FlowNode node, string? ownerId) =>
        Emit(new MessageSubscribed(State.TakeId('m'), messageName, node.Id, ownerId));

    /// <summary>Arms the boundary events of an activity that waits; they live as long as it does.</summary>
    public void ArmBoundaryEvents(ActivityInstance activity)
    {
        foreach (var boundary in Definition.BoundaryEventsOf(activity.NodeId))
            BoundaryEventBehaviour.Arm(this, boundary, activity);
    }

    /// <summary>Withdraws the waits <paramref name="ownerId"/> owns (null = the process), optionally only those at nodes <paramref name="which"/> picks.</summary>
    public void RemoveWaits(string? ownerId, Func<FlowNode, bool>? which = null)
    {
        foreach (var timer in State.Timers.Values.Where(t => t.OwnerId == ownerId).OrderBy(t => t.TimerId, LocalIdComparer.Instance).ToList())
        {
            if (which is null || which(Definition.Nodes[timer.NodeId])) Emit(new TimerDisarmed(timer.TimerId, timer.NodeId));
        }
        foreach (var message in State.Messages.Values.Where(m => m.OwnerId == ownerId).OrderBy(m => m.SubscriptionId, LocalIdComparer.Instance).ToList())
        {
            if (which is null || which(Definition.Nodes[message.NodeId])) Emit(new MessageUnsubscribed(message.SubscriptionId, message.NodeId));
        }
    }

    /// <summary>The instance is ending: nothing it waits for may outlive it.</summary>
    public void RemoveAllWaits()
    {
        foreach (var timer in State.Timers.Values.OrderBy(t => t.TimerId, LocalIdComparer.Instance).ToList())
            Emit(new TimerDisarmed(timer.TimerId, timer.NodeId));
        foreach (var message in State.Messages.Values.OrderBy(m => m.SubscriptionId, LocalIdComparer.Instance).ToList())
            Emit(new MessageUnsubscribed(message.SubscriptionId, message.NodeId));
    }

    /// <summary>A timer fired or a message arrived (its event already emitted): the node that waited for it reacts.</summary>
    public void Triggered(TimerSubscription? timer, MessageSubscription? message)
    {
        var node = Definition.Nodes[timer?.NodeId ?? message!.NodeId];
        var ownerId = timer is not null ? timer.OwnerId : message!.OwnerId;
        var trigger = new Trigger(node, ownerId, timer, message);
        switch (node)
        {
            case BoundaryEvent:
                BoundaryEventBehaviour.Instance.Trigger(this, trigger);
                break;
            case StartEvent:
                EventSubProcessBehaviour.Instance.Trigger(this, trigger);
                break;
            default:
                if (ownerId is null || !State.Activities.TryGetValue(ownerId, out var owner)) return;
                // The wait belongs to an event-based gateway, or to the catch event / receive task itself.
                var behaviour = owner.NodeType == "eventBasedGateway"
                    ? EventBasedGatewayBehaviour.Instance
                    : (ICatchingBehaviour)NodeBehaviours.For(node);
                behaviour.Trigger(this, trigger);
                break;
        }
    }
}

/// <summary>What fired: the waiting node, the owner of the wait, and the timer or subscription.</summary>
internal sealed record Trigger(FlowNode Node, string? OwnerId, TimerSubscription? Timer, MessageSubscription? Message);
