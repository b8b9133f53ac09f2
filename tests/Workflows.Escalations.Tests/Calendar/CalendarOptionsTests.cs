using Workflows.Escalations.Calendar;

namespace Workflows.Escalations.Tests.Calendar;

/// <summary>How a <see cref="WorkingDayCalendar"/> is built from an authority's options.</summary>
public sealed class CalendarOptionsTests
{
    [Fact]
    public void Defaults_are_London_time_and_17_00_with_no_closure_days()
    {
        var calendar = new WorkingDayCalendar(new CalendarOptions());

        Assert.Equal(London.TimeZone.Id, calendar.TimeZone.Id);
        Assert.Equal(new TimeOnly(17, 0), calendar.EndOfWorkingDay);
        Assert.Empty(calendar.ClosureDays);
    }

    [Fact]
    public void Calendar_keeps_its_own_copy_of_the_closure_days()
    {
        var closures = new List<DateOnly> { new(2026, 12, 29) };
        var calendar = new WorkingDayCalendar(new CalendarOptions { ClosureDays = closures });

        closures.Add(new DateOnly(2026, 12, 30));

        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 12, 29)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 12, 30)));
    }

    [Fact]
    public void Unknown_time_zone_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new WorkingDayCalendar(new CalendarOptions { TimeZoneId = "Europe/Atlantis" }));

        Assert.Contains("Europe/Atlantis", error.Message);
    }

    [Fact]
    public void Midnight_end_of_day_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new WorkingDayCalendar(new CalendarOptions { EndOfWorkingDay = TimeOnly.MinValue }));
    }

    [Fact]
    public void End_of_day_inside_the_spring_forward_gap_moves_forward_by_the_gap()
    {
        // Contrived (no working day is a Sunday), but EndOfWorkingDayUtc must still give an answer:
        // 01:30 on 29 March 2026 does not exist in London; it becomes 02:30 BST.
        var calendar = new WorkingDayCalendar(new CalendarOptions { EndOfWorkingDay = new TimeOnly(1, 30) });

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero),
            calendar.EndOfWorkingDayUtc(new DateOnly(2026, 3, 29)));
    }

    [Fact]
    public void End_of_day_inside_the_repeated_autumn_hour_is_the_later_instant()
    {
        // 01:30 on 25 October 2026 happens twice in London (BST then GMT); the later is 01:30 GMT.
        var calendar = new WorkingDayCalendar(new CalendarOptions { EndOfWorkingDay = new TimeOnly(1, 30) });

        Assert.Equal(new DateTimeOffset(2026, 10, 25, 1, 30, 0, TimeSpan.Zero),
            calendar.EndOfWorkingDayUtc(new DateOnly(2026, 10, 25)));
    }
}
