using Workflows.Engine.Execution;

namespace Workflows.Engine.Journal;

/// <summary>
/// Rebuilds an instance's state from its journal: every event applied in order, at its recorded time.
/// No handler runs, no expression is evaluated, nothing is logged — the events already hold every
/// outcome. Pass a prefix of the journal to see the instance as it was after that row.
/// </summary>
public static class JournalReplayer
{
    public static InstanceState Replay(IEnumerable<JournalEntry> entries)
    {
        var state = new InstanceState();
        foreach (var entry in entries)
        {
            state.Apply(WorkflowEventSerializer.Deserialize(entry.Payload), entry.At);
            state.LastSequence = entry.Sequence;
            state.LastHash = entry.Hash;
        }
        return state;
    }

    /// <summary>The events of a journal, in order (for projections and history views).</summary>
    public static IEnumerable<WorkflowEvent> Events(IEnumerable<JournalEntry> entries) =>
        entries.Select(e => WorkflowEventSerializer.Deserialize(e.Payload));
}
