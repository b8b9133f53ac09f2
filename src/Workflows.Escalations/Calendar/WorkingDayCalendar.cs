using System.Collections.Concurrent;
using System.Collections.Frozen;
using PublicHoliday;

namespace Workflows.Escalations.Calendar;

/// <summary>
/// The working-day calendar of one local authority: England &amp; Wales bank holidays (substitute days
/// included) plus the authority's own closure days, in its time zone (Europe/London), with a
/// configurable end of the working day.
/// </summary>
/// <remarks>
/// <para>
/// The calendar never reads the clock: every method is given the instant or date it computes from, so
/// a due instant can be computed once when a timer is armed (ADR 0003) and recomputed identically
/// on replay.
/// </para>
/// <para>
/// Immutable and safe to share between threads. Bank holidays are looked up once per year and cached;
/// the cache is an implementation detail and does not change any answer.
/// </para>
/// <para>Two rules are implemented, as the escalation protocols word them:</para>
/// <list type="bullet">
/// <item><description>
/// <b>Within N working days</b> (<see cref="DueWithinWorkingDays"/>): the day of raising does not
/// count; due at the end of the N-th working day after it.
/// </description></item>
/// <item><description>
/// <b>Within N hours</b> (<see cref="DueWithinHours"/>): N real clock hours, weekends and bank holidays
/// included, because safety does not wait for Monday.
/// </description></item>
/// </list>
/// </remarks>
public sealed class WorkingDayCalendar
{
    private readonly FrozenSet<DateOnly> _closureDays;
    private readonly ConcurrentDictionary<int, FrozenSet<DateOnly>> _bankHolidaysByYear = new();

    /// <summary>Builds a calendar from an authority's options; the options are copied.</summary>
    /// <exception cref="ArgumentException">The time zone id is unknown on this machine.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The end of the working day is midnight.</exception>
    public WorkingDayCalendar(CalendarOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // 00:00 would make a working day end as it starts: the window would close at the very start
        // of its last day, which is never what a protocol means by "by the end of the day".
        if (options.EndOfWorkingDay == TimeOnly.MinValue)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.EndOfWorkingDay,
                "EndOfWorkingDay must be later than 00:00; use 23:59 for \"by the end of the day\".");
        }

        var timeZoneId = string.IsNullOrWhiteSpace(options.TimeZoneId)
            ? CalendarOptions.LondonTimeZoneId
            : options.TimeZoneId;
        try
        {
            TimeZone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new ArgumentException(
                $"Time zone '{timeZoneId}' is not known on this machine (is tzdata installed?).",
                nameof(options), e);
        }

        EndOfWorkingDay = options.EndOfWorkingDay;
        _closureDays = (options.ClosureDays ?? []).ToFrozenSet();
    }

    /// <summary>The authority's time zone; calendar dates (the day of raising, the due day) are dates in it.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>Local time at which every working day ends.</summary>
    public TimeOnly EndOfWorkingDay { get; }

    /// <summary>The authority's own closure days (in addition to bank holidays).</summary>
    public IReadOnlySet<DateOnly> ClosureDays => _closureDays;

    /// <summary>True if <paramref name="date"/> is an England &amp; Wales bank holiday, substitute days included.</summary>
    public bool IsBankHoliday(DateOnly date) => BankHolidaysIn(date.Year).Contains(date);

    /// <summary>True if <paramref name="date"/> is one of the authority's configured closure days.</summary>
    public bool IsClosureDay(DateOnly date) => _closureDays.Contains(date);

    /// <summary>A working day is Monday to Friday and neither a bank holiday nor a closure day.</summary>
    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && !IsBankHoliday(date)
        && !IsClosureDay(date);

    /// <summary>The first working day strictly after <paramref name="date"/> (whether or not it is one itself).</summary>
    public DateOnly NextWorkingDay(DateOnly date) => AddWorkingDays(date, 1);

    /// <summary>
    /// The <paramref name="workingDays"/>-th working day strictly after <paramref name="date"/>;
    /// <paramref name="date"/> itself never counts, whether or not it is a working day.
    /// Zero returns <paramref name="date"/> unchanged.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workingDays"/> is negative.</exception>
    public DateOnly AddWorkingDays(DateOnly date, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);

        var day = date;
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }
        return day;
    }

    /// <summary>The calendar date of <paramref name="instant"/> in the authority's time zone.</summary>
    public DateOnly LocalDateOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    /// <summary>
    /// The UTC instant at which <paramref name="date"/>'s working day ends: <see cref="EndOfWorkingDay"/>
    /// local time on that date, whatever the UTC offset is that day (17:00 is 17:00 GMT in winter and
    /// 17:00 BST in summer).
    /// </summary>
    /// <remarks>
    /// If the end of the day falls in a clock-change gap (a local time that does not exist) it moves
    /// forward by the length of the gap; if it falls in the repeated hour it is the later of the two
    /// instants, so nobody loses time. With the default 17:00 and UK clock changes at 01:00 on a Sunday
    /// this never happens, but a custom end of day or time zone could hit it.
    /// </remarks>
    public DateTimeOffset EndOfWorkingDayUtc(DateOnly date)
    {
        var local = date.ToDateTime(EndOfWorkingDay, DateTimeKind.Unspecified);

        TimeSpan offset;
        if (TimeZone.IsInvalidTime(local))
        {
            // Spring-forward gap: read the wall time with the offset in force before the change,
            // which lands just as far after the gap as the wall time was into it.
            offset = TimeZone.GetUtcOffset(local.AddDays(-1));
        }
        else if (TimeZone.IsAmbiguousTime(local))
        {
            // Fall-back hour: the smaller offset gives the later instant.
            offset = TimeZone.GetAmbiguousTimeOffsets(local).Min();
        }
        else
        {
            offset = TimeZone.GetUtcOffset(local);
        }

        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>
    /// <b>Within N working days.</b> The day of raising does not count; the window is due at
    /// <see cref="EndOfWorkingDay"/> (local) on the N-th working day after it, returned as a UTC instant.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The "day of raising" is the calendar date of <paramref name="raisedAt"/> in the authority's time
    /// zone (an escalation raised at 00:30 BST on a Saturday was raised on the Saturday, even though it
    /// is still Friday in UTC).
    /// </para>
    /// <para>
    /// <b>Raised after hours or on a non-working day:</b> the day of raising still does not count, and
    /// the N working days are counted from the day after it. So a matter raised at 18:30 on a Friday,
    /// or on the Saturday, has the same deadline as one raised at 10:00 that Friday: the Monday is
    /// day 1. We deliberately do not first roll the raising forward to the next working day and then
    /// discount that day too, because:
    /// </para>
    /// <list type="bullet">
    /// <item><description>
    /// the protocols say only that the day of raising does not count; discounting a second day would
    /// grant the respondent a day the protocol does not give and delay a response about a child;
    /// </description></item>
    /// <item><description>
    /// it is what a practitioner counting on a wall calendar gets, so deadlines shown by the system
    /// match the ones people work out by hand;
    /// </description></item>
    /// <item><description>
    /// the day of raising already absorbs the "raised late in the day" case: the respondent never has
    /// less than N whole working days, whatever time of day the escalation arrived.
    /// </description></item>
    /// </list>
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="workingDays"/> is less than 1: with the day of raising not counting, "within 0
    /// working days" has no end-of-day to fall on.
    /// </exception>
    public DateTimeOffset DueWithinWorkingDays(DateTimeOffset raisedAt, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDays, 1);

        var dueDay = AddWorkingDays(LocalDateOf(raisedAt), workingDays);
        return EndOfWorkingDayUtc(dueDay);
    }

    /// <summary>
    /// <b>Within N hours.</b> Exactly N real clock hours after <paramref name="raisedAt"/>, returned as a
    /// UTC instant. Weekends, bank holidays and closure days all count: safety does not wait for Monday.
    /// </summary>
    /// <remarks>
    /// Computed on the UTC timeline, so a clock change does not stretch or shrink the window: 24 hours
    /// across the October change is 24 real hours, and the local wall time of the deadline is an hour
    /// earlier than the raising time.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="hours"/> is less than 1.</exception>
    public DateTimeOffset DueWithinHours(DateTimeOffset raisedAt, int hours)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hours, 1);

        return raisedAt.ToUniversalTime().AddHours(hours);
    }

    /// <summary>
    /// How many working days have elapsed between <paramref name="raisedAt"/> and
    /// <paramref name="asAt"/>, counted as the "within N working days" rule counts them: working days
    /// after the day of raising whose end (<see cref="EndOfWorkingDay"/>) is at or before
    /// <paramref name="asAt"/>.
    /// </summary>
    /// <remarks>
    /// Consistent with <see cref="DueWithinWorkingDays"/>: the result is at least N exactly when
    /// <paramref name="asAt"/> has reached the N-working-day deadline.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="asAt"/> is before <paramref name="raisedAt"/>.</exception>
    public int WorkingDaysElapsed(DateTimeOffset raisedAt, DateTimeOffset asAt)
    {
        if (asAt < raisedAt)
        {
            throw new ArgumentException(
                $"asAt ({asAt:O}) is before raisedAt ({raisedAt:O}).", nameof(asAt));
        }

        var lastDay = LocalDateOf(asAt);
        var elapsed = 0;
        for (var day = LocalDateOf(raisedAt).AddDays(1); day <= lastDay; day = day.AddDays(1))
        {
            if (IsWorkingDay(day) && EndOfWorkingDayUtc(day) <= asAt)
            {
                elapsed++;
            }
        }
        return elapsed;
    }

    private FrozenSet<DateOnly> BankHolidaysIn(int year) =>
        _bankHolidaysByYear.GetOrAdd(year, static y =>
            // UKBankHoliday defaults to England (and Wales). PublicHolidays(year) returns the observed
            // dates: substitute days (e.g. Mon 28 Dec 2026 for Boxing Day on a Saturday) and one-off
            // holidays included. A substitute always falls in the same year as the holiday it replaces
            // (New Year moves forward into January, Christmas/Boxing Day to 27/28 December), so
            // looking up the date's own year is enough.
            new UKBankHoliday().PublicHolidays(y).Select(DateOnly.FromDateTime).ToFrozenSet());
}
