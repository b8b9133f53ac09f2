namespace Workflows.Engine.EntityFrameworkCore.Entities;

/// <summary>
/// One journal entry. The primary key (instance_id, sequence) is what makes the journal append-only
/// under concurrency: two commands that both read sequence n cannot both write n + 1.
/// </summary>
public sealed class JournalRow
{
    public string InstanceId { get; set; } = "";
    public long Sequence { get; set; }

    /// <summary>Stored as UTC ticks on both databases: the hash covers 100 ns precision and PostgreSQL's
    /// timestamptz keeps only microseconds, so a timestamptz column would break the chain on read-back.</summary>
    public DateTimeOffset At { get; set; }
    public string Actor { get; set; } = "";
    public string? ElementId { get; set; }
    public string EventType { get; set; } = "";
    public string Payload { get; set; } = "";
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
}
