namespace Workflows.Escalations.Calendar;

/// <summary>
/// One local authority's working-day settings. England &amp; Wales bank holidays are always applied
/// (they come from the PublicHoliday package, substitute days included); these options add what
/// differs between councils.
/// </summary>
/// <remarks>
/// Plain settable-at-init properties so the options can be bound from configuration. The
/// <see cref="WorkingDayCalendar"/> copies them when it is built, so changing an options object later
/// never changes a calendar already in use.
/// </remarks>
public sealed class CalendarOptions
{
    /// <summary>The time zone every English authority works in.</summary>
    public const string LondonTimeZoneId = "Europe/London";

    /// <summary>Default end of the working day: 17:00 local, the usual close of business in the protocols.</summary>
    public static readonly TimeOnly DefaultEndOfWorkingDay = new(17, 0);

    /// <summary>
    /// Extra days the authority is closed on top of bank holidays, e.g. the days between Christmas and
    /// New Year some councils shut. They are not working days, so they do not count towards a
    /// "within N working days" window.
    /// </summary>
    public IReadOnlyCollection<DateOnly> ClosureDays { get; init; } = [];

    /// <summary>
    /// Local time at which a working day ends; a "within N working days" window is due at this time on
    /// the N-th working day. Must be later than midnight (use 23:59 for "by the end of the day").
    /// </summary>
    public TimeOnly EndOfWorkingDay { get; init; } = DefaultEndOfWorkingDay;

    /// <summary>IANA time zone id; <see cref="LondonTimeZoneId"/> unless there is a very good reason.</summary>
    public string TimeZoneId { get; init; } = LondonTimeZoneId;
}
