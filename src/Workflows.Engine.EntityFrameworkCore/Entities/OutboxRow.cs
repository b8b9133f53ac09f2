namespace Workflows.Engine.EntityFrameworkCore.Entities;

/// <summary>
/// A side effect committed with the instance change that requested it. The dispatcher claims due rows
/// with a lease, then marks each delivered, or failed with a retry time, or failed for good
/// (<see cref="Failed"/>: an incident for a person to look at).
/// </summary>
public sealed class OutboxRow
{
    public string Id { get; set; } = "";
    public string InstanceId { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Payload { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public int Attempts { get; set; }

    /// <summary>When the next attempt may start; the creation time for a new row.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public bool Failed { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
}
