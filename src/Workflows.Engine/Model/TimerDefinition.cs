namespace Workflows.Engine.Model;

public enum TimerKind
{
    /// <summary><c>timeDuration</c>: due that long after the timer is armed.</summary>
    Duration,
    /// <summary><c>timeDate</c>: due at an absolute instant.</summary>
    Date,
    /// <summary><c>timeCycle</c>: ISO 8601 repeating interval <c>R[n]/duration</c>.</summary>
    Cycle,
}

/// <summary>
/// A timer as written: either an ISO 8601 literal or a JavaScript expression calling host functions
/// (e.g. <c>workingDays(5)</c>). The value is evaluated once, when the timer is armed, and the due
/// instant stored — so a later calendar change never moves a running deadline.
/// </summary>
public sealed record TimerDefinition(TimerKind Kind, string Value);
