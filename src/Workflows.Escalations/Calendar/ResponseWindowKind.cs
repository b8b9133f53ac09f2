namespace Workflows.Escalations.Calendar;

/// <summary>How a <see cref="ResponseWindow"/>'s amount is counted.</summary>
public enum ResponseWindowKind
{
    /// <summary>
    /// "Within N working days": the day of raising does not count; due at the end of the N-th working
    /// day after it. See <see cref="WorkingDayCalendar.DueWithinWorkingDays"/>.
    /// </summary>
    WorkingDays,

    /// <summary>
    /// "Within N hours": N real clock hours, weekends and bank holidays included.
    /// See <see cref="WorkingDayCalendar.DueWithinHours"/>.
    /// </summary>
    Hours,
}
