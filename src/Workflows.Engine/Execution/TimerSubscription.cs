namespace Workflows.Engine.Execution;

/// <summary>
/// An armed timer. <see cref="OwnerId"/> is the activity instance (or scope) whose end disarms it:
/// the attached activity for a boundary timer, the catch event itself, the gateway for an
/// event-based gateway, the scope for an event sub-process start (null = the process).
/// </summary>
public sealed record TimerSubscription(string TimerId, string NodeId, string? OwnerId, DateTimeOffset DueAt,
    int? RepeatsLeft, TimeSpan? Interval);
