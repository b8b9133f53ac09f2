using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Workflows.Engine.Journal;

/// <summary>
/// Something that happened to one instance. Events are the source of truth: the instance state is
/// nothing but <see cref="Execution.InstanceState.Apply"/> folded over them, so replaying a journal
/// reproduces the stored state exactly. Sealed records, past-tense names (a convention test checks).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(InstanceStarted), nameof(InstanceStarted))]
[JsonDerivedType(typeof(VariablesChanged), nameof(VariablesChanged))]
[JsonDerivedType(typeof(ActivityStarted), nameof(ActivityStarted))]
[JsonDerivedType(typeof(ActivityCompleted), nameof(ActivityCompleted))]
[JsonDerivedType(typeof(ActivityCancelled), nameof(ActivityCancelled))]
[JsonDerivedType(typeof(TimerArmed), nameof(TimerArmed))]
[JsonDerivedType(typeof(TimerFired), nameof(TimerFired))]
[JsonDerivedType(typeof(TimerDisarmed), nameof(TimerDisarmed))]
[JsonDerivedType(typeof(MessageSubscribed), nameof(MessageSubscribed))]
[JsonDerivedType(typeof(MessageUnsubscribed), nameof(MessageUnsubscribed))]
[JsonDerivedType(typeof(MessageReceived), nameof(MessageReceived))]
[JsonDerivedType(typeof(UserTaskCompleted), nameof(UserTaskCompleted))]
[JsonDerivedType(typeof(JoinTokenArrived), nameof(JoinTokenArrived))]
[JsonDerivedType(typeof(JoinFired), nameof(JoinFired))]
[JsonDerivedType(typeof(JoinCancelled), nameof(JoinCancelled))]
[JsonDerivedType(typeof(ActionPerformed), nameof(ActionPerformed))]
[JsonDerivedType(typeof(SideEffectRequested), nameof(SideEffectRequested))]
[JsonDerivedType(typeof(IncidentRaised), nameof(IncidentRaised))]
[JsonDerivedType(typeof(InstanceCompleted), nameof(InstanceCompleted))]
[JsonDerivedType(typeof(InstanceTerminated), nameof(InstanceTerminated))]
[JsonDerivedType(typeof(InstanceCancelled), nameof(InstanceCancelled))]
public abstract record WorkflowEvent
{
    /// <summary>The element this event concerns, when there is one (for the journal's element column).</summary>
    [JsonIgnore]
    public virtual string? ElementId => null;
}

public sealed record InstanceStarted(string InstanceId, string DefinitionKey, int DefinitionVersion,
    string? CorrelationKey, JsonObject Variables) : WorkflowEvent;

/// <summary>Variables merged into the instance (top-level keys replaced).</summary>
public sealed record VariablesChanged(JsonObject Variables) : WorkflowEvent;

/// <summary>A token entered a node. <paramref name="ScopeId"/> is the enclosing sub-process's activity id (null = process).</summary>
public sealed record ActivityStarted(string ActivityId, string NodeId, string NodeType, string? ScopeId, string? ViaFlowId)
    : WorkflowEvent
{
    public override string? ElementId => NodeId;
}

public sealed record ActivityCompleted(string ActivityId, string NodeId) : WorkflowEvent
{
    public override string? ElementId => NodeId;
}

/// <summary>An activity was withdrawn without completing (interrupting event, terminate, event-based gateway).</summary>
public sealed record ActivityCancelled(string ActivityId, string NodeId, string Reason) : WorkflowEvent
{
    public override string? ElementId => NodeId;
}

/// <summary>
/// A timer was armed with its absolute due instant, computed once from the injected clock.
/// <paramref name="OwnerId"/> is the activity (or scope) whose end disarms it.
/// <paramref name="RepeatsLeft"/>/<paramref name="Interval"/> describe the rest of an ISO 8601 cycle.
/// </summary>
public sealed record TimerArmed(string TimerId, string NodeId, string? OwnerId, DateTimeOffset DueAt,
    int? RepeatsLeft = null, TimeSpan? Interval = null) : WorkflowEvent
{
    public override string? ElementId => NodeId;
}

public sealed record TimerFired(string TimerId, string NodeId) : WorkflowEvent
{
    public override string? ElementId => NodeId;
}

public sealed record TimerDisarmed(string TimerId, string NodeId) : WorkflowEvent
{
    public override string? ElementId => NodeId;
}

public sealed record MessageSubscribed(string SubscriptionId, string MessageName, string NodeId, string? OwnerId)
    : WorkflowEvent
{
    public override string? ElementId => NodeId;
}

public sealed record MessageUnsubscribed(string SubscriptionId, string NodeId) : WorkflowEvent
{
    public override string? ElementId => NodeId;
}

public sealed record MessageReceived(string SubscriptionId, string MessageName, string NodeId, JsonObject? Payload)
    : WorkflowEvent
{
    public override string? ElementId => NodeId;
}

public sealed record UserTaskCompleted(string ActivityId, string NodeId, JsonObject? Variables) : WorkflowEvent
{
    public override string? ElementId => NodeId;
}

/// <summary>A token reached a joining gateway through <paramref name="FlowId"/>; the join waits for the rest.</summary>
public sealed record JoinTokenArrived(string JoinKey, string NodeId, string FlowId) : WorkflowEvent
{
    public override string? ElementId => NodeId;
}

/// <summary>
/// The join's condition held and one token moved on. <paramref name="ConsumedFlowIds"/> are the arrivals it
/// consumed (one per flow); tokens beyond those (a loop delivered twice on one flow) keep waiting.
/// Null consumes every arrival.
/// </summary>
public sealed record JoinFired(string JoinKey, string NodeId, IReadOnlyList<string>? ConsumedFlowIds = null) : WorkflowEvent
{
    public override string? ElementId => NodeId;
}

/// <summary>Tokens waiting at a join were withdrawn because their scope ended (interrupted, terminated, cancelled).</summary>
public sealed record JoinCancelled(string JoinKey, string NodeId, string Reason) : WorkflowEvent
{
    public override string? ElementId => NodeId;
}

/// <summary>A service/send task's handler ran; <paramref name="Output"/> is what it returned.</summary>
public sealed record ActionPerformed(string ActivityId, string NodeId, string Action, JsonObject? Output) : WorkflowEvent
{
    public override string? ElementId => NodeId;
}

/// <summary>
/// A side effect (notification, case note, webhook) to be delivered after commit through the outbox.
/// Recorded in the journal so that the history says what was asked for, and replay never repeats it.
/// </summary>
public sealed record SideEffectRequested(string EffectId, string Kind, string? NodeId, JsonObject Payload) : WorkflowEvent
{
    public override string? ElementId => NodeId;
}

/// <summary>Execution could not go on at a node (bad expression, missing handler); the instance waits for a fix.</summary>
public sealed record IncidentRaised(string? ActivityId, string NodeId, string Reason) : WorkflowEvent
{
    public override string? ElementId => NodeId;
}

public sealed record InstanceCompleted : WorkflowEvent;

public sealed record InstanceTerminated(string NodeId) : WorkflowEvent
{
    public override string? ElementId => NodeId;
}

public sealed record InstanceCancelled(string Reason) : WorkflowEvent;
