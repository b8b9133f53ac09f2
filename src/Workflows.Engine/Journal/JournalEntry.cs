namespace Workflows.Engine.Journal;

/// <summary>
/// One row of an instance's append-only journal. <see cref="Hash"/> is SHA-256 over this row's
/// fields and <see cref="PreviousHash"/>, so altering, removing or reordering any row breaks the
/// chain from that point on (see <see cref="JournalVerifier"/>). <see cref="Payload"/> is the
/// event's JSON exactly as hashed and stored.
/// </summary>
public sealed record JournalEntry(
    string InstanceId,
    long Sequence,
    DateTimeOffset At,
    string Actor,
    string? ElementId,
    string EventType,
    string Payload,
    string PreviousHash,
    string Hash);
