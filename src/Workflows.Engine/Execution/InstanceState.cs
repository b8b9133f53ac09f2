using System.Text.Json.Nodes;
using Workflows.Engine.Journal;

namespace Workflows.Engine.Execution;

/// <summary>
/// The one state type of an instance: everything it waits for is in <see cref="Activities"/>,
/// <see cref="Timers"/>, <see cref="Messages"/> and <see cref="Joins"/>. It changes only through
/// <see cref="Apply"/>, so folding a journal over an empty state rebuilds it exactly. Collections are
/// sorted by id so that the serialized form of equal states is byte-for-byte equal.
/// </summary>
public sealed class InstanceState
{
    public string InstanceId { get; set; } = "";
    public string DefinitionKey { get; set; } = "";
    public int DefinitionVersion { get; set; }
    public string? CorrelationKey { get; set; }
    public InstanceStatus Status { get; set; }
    public JsonObject Variables { get; set; } = [];

    /// <summary>Counter for local ids (activities, timers, subscriptions, effects): deterministic, so replay agrees.</summary>
    public long NextLocalId { get; set; } = 1;

    public SortedDictionary<string, ActivityInstance> Activities { get; set; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, TimerSubscription> Timers { get; set; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, MessageSubscription> Messages { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Join key (scope + gateway) → the incoming flow ids that have delivered a token, one entry per token.</summary>
    public SortedDictionary<string, List<string>> Joins { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Open incidents: node id → reason.</summary>
    public SortedDictionary<string, string> Incidents { get; set; } = new(StringComparer.Ordinal);

    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Sequence and hash of the last journal entry applied: the chain continues from here.</summary>
    public long LastSequence { get; set; }
    public string LastHash { get; set; } = JournalHasher.GenesisHash;

    /// <summary>Takes the next local id with a readable prefix (e.g. <c>a12</c>, <c>t3</c>).</summary>
    public string TakeId(char prefix) => $"{prefix}{NextLocalId++}";

    public void Apply(WorkflowEvent e, DateTimeOffset at)
    {
        switch (e)
        {
            case InstanceStarted s:
                InstanceId = s.InstanceId; DefinitionKey = s.DefinitionKey; DefinitionVersion = s.DefinitionVersion;
                CorrelationKey = s.CorrelationKey; Status = InstanceStatus.Running;
                Variables = (JsonObject)s.Variables.DeepClone(); StartedAt = at;
                break;
            case VariablesChanged v: Merge(v.Variables); break;
            case ActivityStarted a:
                Activities[a.ActivityId] = new ActivityInstance(a.ActivityId, a.NodeId, a.NodeType, a.ScopeId);
                Bump(a.ActivityId);
                break;
            case ActivityCompleted a: Activities.Remove(a.ActivityId); break;
            case ActivityCancelled a: Activities.Remove(a.ActivityId); break;
            case TimerArmed t:
                Timers[t.TimerId] = new TimerSubscription(t.TimerId, t.NodeId, t.OwnerId, t.DueAt, t.RepeatsLeft, t.Interval);
                Bump(t.TimerId);
                break;
            case TimerFired t: Timers.Remove(t.TimerId); break;
            case TimerDisarmed t: Timers.Remove(t.TimerId); break;
            case MessageSubscribed m:
                Messages[m.SubscriptionId] = new MessageSubscription(m.SubscriptionId, m.MessageName, m.NodeId, m.OwnerId);
                Bump(m.SubscriptionId);
                break;
            case MessageUnsubscribed m: Messages.Remove(m.SubscriptionId); break;
            case MessageReceived m: if (m.Payload is not null) Merge(m.Payload); break;
            case UserTaskCompleted u: if (u.Variables is not null) Merge(u.Variables); break;
            case JoinTokenArrived j:
                if (!Joins.TryGetValue(j.JoinKey, out var arrived)) Joins[j.JoinKey] = arrived = [];
                arrived.Add(j.FlowId);
                break;
            case JoinFired j: ConsumeJoin(j); break;
            case JoinCancelled j: Joins.Remove(j.JoinKey); break;
            case ActionPerformed a: if (a.Output is not null) Merge(a.Output); break;
            case SideEffectRequested s: Bump(s.EffectId); break;
            case IncidentRaised i: Incidents[i.NodeId] = i.Reason; break;
            case InstanceCompleted: End(InstanceStatus.Completed, at); break;
            case InstanceTerminated: End(InstanceStatus.Terminated, at); break;
            case InstanceCancelled: End(InstanceStatus.Cancelled, at); break;
            default: throw new InvalidOperationException($"No Apply for event {e.GetType().Name}.");
        }
    }

    private void ConsumeJoin(JoinFired j)
    {
        if (j.ConsumedFlowIds is null || !Joins.TryGetValue(j.JoinKey, out var arrived))
        {
            Joins.Remove(j.JoinKey);
            return;
        }
        foreach (var flowId in j.ConsumedFlowIds) arrived.Remove(flowId);
        if (arrived.Count == 0) Joins.Remove(j.JoinKey);
    }

    private void End(InstanceStatus status, DateTimeOffset at)
    {
        Status = status;
        EndedAt = at;
        // An ended instance waits for nothing: whatever was still open is gone with it.
        Activities.Clear(); Timers.Clear(); Messages.Clear(); Joins.Clear();
    }

    private void Merge(JsonObject values)
    {
        foreach (var (key, value) in values) Variables[key] = value?.DeepClone();
    }

    /// <summary>Keeps <see cref="NextLocalId"/> past every id seen, so replay and live runs agree.</summary>
    private void Bump(string localId)
    {
        if (localId.Length > 1 && long.TryParse(localId.AsSpan(1), out var n) && n >= NextLocalId) NextLocalId = n + 1;
    }
}
