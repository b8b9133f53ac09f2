namespace Workflows.Engine.EntityFrameworkCore.Entities;

/// <summary>
/// An armed timer, keyed by (instance id, timer id). A pump claims it by setting a lease; the commit
/// that fires it deletes the row and requires that exactly one row went, so a timer fires once even
/// when a lease expires while its first pump is still working.
/// </summary>
public sealed class TimerRow
{
    public string InstanceId { get; set; } = "";
    public string TimerId { get; set; } = "";
    public string NodeId { get; set; } = "";
    public DateTimeOffset DueAt { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
}
