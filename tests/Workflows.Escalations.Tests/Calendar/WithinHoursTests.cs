using Workflows.Escalations.Calendar;
using static Workflows.Escalations.Tests.Calendar.London;

namespace Workflows.Escalations.Tests.Calendar;

/// <summary>
/// "Within N hours": real clock hours, weekends and bank holidays included, because safety does not
/// wait for Monday; clock changes neither add nor remove an hour.
/// </summary>
public sealed class WithinHoursTests
{
    private static readonly WorkingDayCalendar Calendar = new(new CalendarOptions());

    [Fact]
    public void Red_window_is_24_clock_hours_across_a_weekend()
    {
        // Raised Friday afternoon: due Saturday afternoon, not Monday.
        Assert.Equal(Bst(2026, 6, 6, 16), Calendar.DueWithinHours(Bst(2026, 6, 5, 16), 24));
    }

    [Fact]
    public void Red_window_runs_through_Christmas_Day()
    {
        Assert.Equal(Gmt(2026, 12, 25, 15), Calendar.DueWithinHours(Gmt(2026, 12, 24, 15), 24));
    }

    [Fact]
    public void Red_window_ignores_authority_closure_days_and_end_of_day()
    {
        var calendar = new WorkingDayCalendar(new CalendarOptions
        {
            ClosureDays = [new(2026, 12, 29)],
            EndOfWorkingDay = new TimeOnly(16, 0),
        });

        Assert.Equal(Gmt(2026, 12, 29, 20), calendar.DueWithinHours(Gmt(2026, 12, 28, 20), 24));
    }

    [Fact]
    public void Red_window_across_the_October_clock_change_is_24_real_hours_so_the_local_hour_moves_back()
    {
        // Clocks go back at 02:00 BST on Sunday 25 October 2026.
        var raisedAt = Bst(2026, 10, 24, 12);

        var due = Calendar.DueWithinHours(raisedAt, 24);

        Assert.Equal(TimeSpan.FromHours(24), due - raisedAt);
        Assert.Equal(Gmt(2026, 10, 25, 11), due);
        Assert.Equal(new DateTime(2026, 10, 25, 11, 0, 0), WallClock(due));
    }

    [Fact]
    public void Red_window_across_the_March_clock_change_is_24_real_hours_so_the_local_hour_moves_forward()
    {
        // Clocks go forward at 01:00 GMT on Sunday 29 March 2026.
        var raisedAt = Gmt(2026, 3, 28, 12);

        var due = Calendar.DueWithinHours(raisedAt, 24);

        Assert.Equal(TimeSpan.FromHours(24), due - raisedAt);
        Assert.Equal(Bst(2026, 3, 29, 13), due);
        Assert.Equal(new DateTime(2026, 3, 29, 13, 0, 0), WallClock(due));
    }

    [Fact]
    public void Red_window_across_the_March_2027_clock_change_on_Easter_Sunday_is_24_real_hours()
    {
        // Clocks go forward on Sunday 28 March 2027, between Good Friday and Easter Monday.
        var due = Calendar.DueWithinHours(Gmt(2027, 3, 27, 22), 24);

        Assert.Equal(Bst(2027, 3, 28, 23), due);
    }

    [Fact]
    public void A_25_hour_window_is_25_hours()
    {
        Assert.Equal(Bst(2026, 6, 6, 17), Calendar.DueWithinHours(Bst(2026, 6, 5, 16), 25));
    }

    [Fact]
    public void Due_instant_is_returned_in_UTC()
    {
        var due = Calendar.DueWithinHours(Bst(2026, 6, 5, 16), 24);

        Assert.Equal(TimeSpan.Zero, due.Offset);
        Assert.Equal(new DateTime(2026, 6, 6, 15, 0, 0), due.DateTime);
    }

    [Theory]
    [InlineData(-24)]
    [InlineData(0)]
    public void Fewer_than_one_hour_is_rejected(int hours) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.DueWithinHours(Bst(2026, 6, 5, 16), hours));
}
