using Workflows.Engine.Execution;
using Workflows.Engine.Journal;
using Workflows.Engine.Runtime;

namespace Workflows.Engine.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>Minimal states, journal rows and commits: the store doesn't interpret them, it only has to keep them.</summary>
public static class Instances
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static string NewId() => $"i-{Guid.NewGuid():N}";

    public static InstanceState State(string id, string? correlationKey = null, string definitionKey = "escalation",
        int definitionVersion = 1) => new()
    {
        InstanceId = id, DefinitionKey = definitionKey, DefinitionVersion = definitionVersion,
        CorrelationKey = correlationKey, Status = InstanceStatus.Running, StartedAt = T0,
    };

    /// <summary>Journal rows <paramref name="from"/>.. continuing the state's hash chain; the state's last sequence and
    /// hash move on, as applying the events would.</summary>
    public static List<JournalEntry> Append(InstanceState state, DateTimeOffset at, params string[] eventTypes)
    {
        var entries = new List<JournalEntry>();
        foreach (var type in eventTypes)
        {
            var sequence = state.LastSequence + 1;
            var payload = $$"""{"$type":"{{type}}","n":{{sequence}}}""";
            var hash = JournalHasher.Hash(state.InstanceId, sequence, at, "tester", "node-1", type, payload, state.LastHash);
            entries.Add(new JournalEntry(state.InstanceId, sequence, at, "tester", "node-1", type, payload, state.LastHash, hash));
            state.LastSequence = sequence;
            state.LastHash = hash;
        }
        return entries;
    }

    public static TimerSubscription Timer(string timerId, DateTimeOffset dueAt, string nodeId = "wait") =>
        new(timerId, nodeId, null, dueAt, null, null);

    /// <summary>A new instance (expected version 0) with one journal row and, optionally, armed timers.</summary>
    public static InstanceCommit Started(InstanceState state, params TimerSubscription[] timers)
    {
        foreach (var t in timers) state.Timers[t.TimerId] = t;
        return new InstanceCommit(state, 0, Append(state, T0, "InstanceStarted"), timers, [], []);
    }

    /// <summary>A follow-up commit at <paramref name="expectedVersion"/> with one journal row.</summary>
    public static InstanceCommit Next(InstanceState state, long expectedVersion, string eventType = "VariablesChanged",
        IReadOnlyList<TimerSubscription>? armed = null, IReadOnlyList<string>? removed = null,
        IReadOnlyList<OutboxMessage>? outbox = null, string? firedTimerId = null, string? idempotencyKey = null)
    {
        foreach (var id in removed ?? []) state.Timers.Remove(id);
        if (firedTimerId is not null) state.Timers.Remove(firedTimerId);
        foreach (var t in armed ?? []) state.Timers[t.TimerId] = t;
        return new InstanceCommit(state, expectedVersion, Append(state, T0.AddMinutes(expectedVersion), eventType),
            armed ?? [], removed ?? [], outbox ?? [], idempotencyKey, firedTimerId);
    }
}
