using Workflows.Engine.Execution;

namespace Workflows.Engine.Journal;

/// <summary>
/// Checks an instance's journal: rows numbered 1, 2, 3… without gaps, each linking to the previous
/// row's hash, each hash matching the row's contents. Reports the first row at fault.
/// </summary>
/// <remarks>
/// A chain without a secret proves rows weren't changed by anyone who couldn't also rewrite every
/// later hash. Removing the last rows leaves a valid shorter chain; the overload taking the stored
/// state catches that, because the state records the sequence and hash it has seen.
/// </remarks>
public static class JournalVerifier
{
    public static VerificationResult Verify(IReadOnlyList<JournalEntry> entries)
    {
        var previousHash = JournalHasher.GenesisHash;
        long expected = 1;
        var instanceId = entries.Count > 0 ? entries[0].InstanceId : null;
        foreach (var entry in entries)
        {
            if (entry.Sequence > expected)
                return VerificationResult.Failed(expected,
                    $"row {expected} is missing: the journal jumps from row {expected - 1} to row {entry.Sequence}.");
            if (entry.Sequence < expected)
                return VerificationResult.Failed(entry.Sequence,
                    $"row {entry.Sequence} appears again after row {expected - 1}: rows are duplicated or out of order.");
            if (!string.Equals(entry.InstanceId, instanceId, StringComparison.Ordinal))
                return VerificationResult.Failed(entry.Sequence,
                    $"row {entry.Sequence} belongs to instance '{entry.InstanceId}', not '{instanceId}'.");
            if (!string.Equals(entry.PreviousHash, previousHash, StringComparison.Ordinal))
                return VerificationResult.Failed(entry.Sequence,
                    $"row {entry.Sequence} does not link to row {entry.Sequence - 1}: it names previous hash " +
                    $"{entry.PreviousHash}, but that row's hash is {previousHash}.");
            if (!string.Equals(JournalHasher.Hash(entry), entry.Hash, StringComparison.Ordinal))
                return VerificationResult.Failed(entry.Sequence,
                    $"row {entry.Sequence} ({entry.EventType}) does not match its hash: its time, actor, element, " +
                    "type or payload was changed after it was written.");
            previousHash = entry.Hash;
            expected++;
        }
        return VerificationResult.Valid;
    }

    /// <summary>As <see cref="Verify(IReadOnlyList{JournalEntry})"/>, and the journal must end where the stored state says it does.</summary>
    public static VerificationResult Verify(IReadOnlyList<JournalEntry> entries, InstanceState state)
    {
        var result = Verify(entries);
        if (!result.IsValid) return result;
        var lastSequence = entries.Count > 0 ? entries[^1].Sequence : 0;
        var lastHash = entries.Count > 0 ? entries[^1].Hash : JournalHasher.GenesisHash;
        if (lastSequence < state.LastSequence)
            return VerificationResult.Failed(lastSequence + 1,
                $"the journal ends at row {lastSequence}, but the instance has applied rows up to {state.LastSequence}: " +
                "the last rows were removed.");
        if (lastSequence > state.LastSequence || !string.Equals(lastHash, state.LastHash, StringComparison.Ordinal))
            return VerificationResult.Failed(lastSequence,
                $"the journal's last row ({lastSequence}) is not the row the instance last applied " +
                $"({state.LastSequence}, hash {state.LastHash}).");
        return result;
    }
}
