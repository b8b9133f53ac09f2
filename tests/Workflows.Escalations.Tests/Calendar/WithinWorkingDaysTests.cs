using Workflows.Escalations.Calendar;
using static Workflows.Escalations.Tests.Calendar.London;

namespace Workflows.Escalations.Tests.Calendar;

/// <summary>
/// "Within N working days": the day of raising does not count; due at the end of the N-th working day
/// after it (17:00 London time unless the authority says otherwise).
/// </summary>
public sealed class WithinWorkingDaysTests
{
    private static readonly WorkingDayCalendar Calendar = new(new CalendarOptions());

    [Fact]
    public void Green_window_raised_on_a_Monday_is_due_at_17_00_the_following_Monday()
    {
        var due = Calendar.DueWithinWorkingDays(Bst(2026, 6, 1, 10), 5);

        Assert.Equal(Bst(2026, 6, 8, 17), due);
    }

    [Fact]
    public void Due_instant_is_returned_in_UTC()
    {
        var due = Calendar.DueWithinWorkingDays(Bst(2026, 6, 1, 10), 5);

        Assert.Equal(TimeSpan.Zero, due.Offset);
        Assert.Equal(new DateTime(2026, 6, 8, 16, 0, 0), due.DateTime); // 17:00 BST
    }

    [Fact]
    public void Day_of_raising_does_not_count()
    {
        // Raised first thing Tuesday: one working day means by the end of Wednesday, not Tuesday.
        Assert.Equal(Bst(2026, 6, 3, 17), Calendar.DueWithinWorkingDays(Bst(2026, 6, 2, 9), 1));
    }

    [Fact]
    public void Weekend_days_do_not_count()
    {
        // Thursday + 3: Friday, Monday, Tuesday.
        Assert.Equal(Bst(2026, 6, 9, 17), Calendar.DueWithinWorkingDays(Bst(2026, 6, 4, 11), 3));
    }

    [Fact]
    public void Raised_after_hours_on_a_Friday_has_the_same_deadline_as_raised_that_morning()
    {
        var afterHours = Calendar.DueWithinWorkingDays(Bst(2026, 6, 5, 18, 30), 5);
        var morning = Calendar.DueWithinWorkingDays(Bst(2026, 6, 5, 10), 5);

        // Friday does not count either way; Monday 8th is day 1, Friday 12th day 5.
        Assert.Equal(Bst(2026, 6, 12, 17), afterHours);
        Assert.Equal(morning, afterHours);
    }

    [Fact]
    public void Raised_on_a_Saturday_counts_from_the_Monday()
    {
        Assert.Equal(Bst(2026, 6, 12, 17), Calendar.DueWithinWorkingDays(Bst(2026, 6, 6, 14), 5));
    }

    [Fact]
    public void Day_of_raising_is_the_London_date_not_the_UTC_date()
    {
        // 23:30 UTC on Wednesday 3 June is 00:30 BST on Thursday 4 June: raised on the Thursday.
        var raisedAt = new DateTimeOffset(2026, 6, 3, 23, 30, 0, TimeSpan.Zero);

        Assert.Equal(Bst(2026, 6, 5, 17), Calendar.DueWithinWorkingDays(raisedAt, 1));
    }

    [Fact]
    public void In_winter_the_end_of_day_is_17_00_GMT()
    {
        Assert.Equal(Gmt(2026, 1, 19, 17), Calendar.DueWithinWorkingDays(Gmt(2026, 1, 12, 10), 5));
    }

    [Fact]
    public void Amber_window_skips_Good_Friday_and_Easter_Monday_2026()
    {
        // Raised Thursday 2 April; Fri 3 and Mon 6 April are bank holidays: Tue 7, Wed 8, Thu 9.
        Assert.Equal(Bst(2026, 4, 9, 17), Calendar.DueWithinWorkingDays(Bst(2026, 4, 2, 10), 3));
    }

    [Fact]
    public void Green_window_across_Easter_2027_and_the_March_clock_change_ends_at_17_00_BST()
    {
        // Raised Wednesday 24 March 2027 in GMT. Thu 25 (1), Good Friday 26, clocks go forward Sunday 28,
        // Easter Monday 29, then Tue 30 (2), Wed 31 (3), Thu 1 Apr (4), Fri 2 Apr (5).
        var due = Calendar.DueWithinWorkingDays(Gmt(2027, 3, 24, 11), 5);

        Assert.Equal(Bst(2027, 4, 2, 17), due);
        Assert.Equal(new DateTime(2027, 4, 2, 17, 0, 0), WallClock(due));
    }

    [Fact]
    public void Green_window_across_the_March_2026_clock_change_ends_at_17_00_local()
    {
        // Raised Thursday 26 March 2026 (GMT); clocks go forward Sunday 29 March; due Thursday 2 April.
        var due = Calendar.DueWithinWorkingDays(Gmt(2026, 3, 26, 10), 5);

        Assert.Equal(Bst(2026, 4, 2, 17), due);
        Assert.Equal(new DateTime(2026, 4, 2, 16, 0, 0), due.UtcDateTime); // an hour earlier in UTC than in winter
    }

    [Fact]
    public void Green_window_across_the_October_2026_clock_change_ends_at_17_00_local()
    {
        // Raised Thursday 22 October 2026 (BST); clocks go back Sunday 25 October; due Thursday 29 October.
        var due = Calendar.DueWithinWorkingDays(Bst(2026, 10, 22, 10), 5);

        Assert.Equal(Gmt(2026, 10, 29, 17), due);
        Assert.Equal(new DateTime(2026, 10, 29, 17, 0, 0), WallClock(due));
    }

    [Fact]
    public void Christmas_2026_Friday_and_the_Boxing_Day_substitute_Monday_do_not_count()
    {
        // Raised Wednesday 23 December: Thu 24 (1), Fri 25 Christmas, weekend, Mon 28 substitute,
        // Tue 29 (2), Wed 30 (3).
        Assert.Equal(Gmt(2026, 12, 30, 17), Calendar.DueWithinWorkingDays(Gmt(2026, 12, 23, 10), 3));
    }

    [Fact]
    public void New_Year_2027_on_a_Friday_does_not_count()
    {
        // ... Wed 30 (3), Thu 31 (4), Fri 1 January bank holiday, weekend, Mon 4 January (5).
        Assert.Equal(Gmt(2027, 1, 4, 17), Calendar.DueWithinWorkingDays(Gmt(2026, 12, 23, 10), 5));
    }

    [Fact]
    public void Authority_closure_days_do_not_count()
    {
        // A council that shuts between Christmas and New Year.
        var calendar = new WorkingDayCalendar(new CalendarOptions
        {
            ClosureDays = [new(2026, 12, 29), new(2026, 12, 30), new(2026, 12, 31)],
        });

        // Thu 24 (1), then nothing until Mon 4 (2), Tue 5 (3), Wed 6 (4), Thu 7 January (5).
        Assert.Equal(Gmt(2027, 1, 7, 17), calendar.DueWithinWorkingDays(Gmt(2026, 12, 23, 10), 5));
        Assert.True(calendar.IsClosureDay(new DateOnly(2026, 12, 30)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 12, 30)));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 12, 30))); // other authorities are open
    }

    [Fact]
    public void Custom_end_of_day_is_used_in_summer_and_winter()
    {
        var calendar = new WorkingDayCalendar(new CalendarOptions { EndOfWorkingDay = new TimeOnly(16, 30) });

        Assert.Equal(Bst(2026, 6, 8, 16, 30), calendar.DueWithinWorkingDays(Bst(2026, 6, 1, 10), 5));
        Assert.Equal(Gmt(2026, 1, 19, 16, 30), calendar.DueWithinWorkingDays(Gmt(2026, 1, 12, 10), 5));
    }

    [Fact]
    public void Raised_after_a_custom_end_of_day_still_counts_from_the_next_day()
    {
        var calendar = new WorkingDayCalendar(new CalendarOptions { EndOfWorkingDay = new TimeOnly(16, 0) });

        // 16:45 Tuesday is after hours for this council; Tuesday does not count, Wednesday is day 1.
        Assert.Equal(Bst(2026, 6, 3, 16), calendar.DueWithinWorkingDays(Bst(2026, 6, 2, 16, 45), 1));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    public void Fewer_than_one_working_day_is_rejected(int workingDays) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.DueWithinWorkingDays(Bst(2026, 6, 1, 10), workingDays));

    [Fact]
    public void Adding_a_negative_number_of_working_days_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(new DateOnly(2026, 6, 1), -3));
}
