using Workflows.Engine.Execution;

namespace Workflows.Engine.Journal;

/// <summary>Turns a command's events into journal rows that continue the instance's hash chain.</summary>
public static class JournalWriter
{
    /// <summary>
    /// One row per event, numbered from <see cref="InstanceState.LastSequence"/> + 1, each hashed over the
    /// previous row's hash; advances the state's <see cref="InstanceState.LastSequence"/> and
    /// <see cref="InstanceState.LastHash"/> so the next command continues the chain.
    /// </summary>
    public static IReadOnlyList<JournalEntry> Append(InstanceState state, IEnumerable<WorkflowEvent> events, string actor,
        DateTimeOffset at)
    {
        var entries = new List<JournalEntry>();
        foreach (var e in events)
        {
            var sequence = state.LastSequence + 1;
            var payload = WorkflowEventSerializer.Serialize(e);
            var type = WorkflowEventSerializer.EventTypeOf(e);
            var hash = JournalHasher.Hash(state.InstanceId, sequence, at, actor, e.ElementId, type, payload, state.LastHash);
            entries.Add(new JournalEntry(state.InstanceId, sequence, at, actor, e.ElementId, type, payload, state.LastHash, hash));
            state.LastSequence = sequence;
            state.LastHash = hash;
        }
        return entries;
    }
}
