using Workflows.Escalations.Calendar;
using static Workflows.Escalations.Tests.Calendar.London;

namespace Workflows.Escalations.Tests.Calendar;

/// <summary>Working days elapsed are counted the way "within N working days" counts them.</summary>
public sealed class WorkingDaysElapsedTests
{
    private static readonly WorkingDayCalendar Calendar = new(new CalendarOptions());

    [Fact]
    public void Nothing_has_elapsed_on_the_day_of_raising()
    {
        Assert.Equal(0, Calendar.WorkingDaysElapsed(Bst(2026, 6, 1, 10), Bst(2026, 6, 1, 23, 59)));
    }

    [Fact]
    public void A_working_day_has_elapsed_once_its_end_of_day_has_passed()
    {
        var raisedAt = Bst(2026, 6, 1, 10);

        Assert.Equal(0, Calendar.WorkingDaysElapsed(raisedAt, Bst(2026, 6, 2, 16, 59)));
        Assert.Equal(1, Calendar.WorkingDaysElapsed(raisedAt, Bst(2026, 6, 2, 17)));
    }

    [Fact]
    public void Weekends_and_bank_holidays_do_not_elapse()
    {
        // Raised Thursday 24 December 2026, which does not count. Christmas, the weekend and the Boxing Day
        // substitute on Monday 28th are not working days, so nothing elapses until the end of Tuesday 29th.
        var raisedAt = Gmt(2026, 12, 24, 10);

        Assert.Equal(0, Calendar.WorkingDaysElapsed(raisedAt, Gmt(2026, 12, 29, 9)));
        Assert.Equal(1, Calendar.WorkingDaysElapsed(raisedAt, Gmt(2026, 12, 29, 17)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(20)]
    public void Elapsed_reaches_N_exactly_at_the_N_working_day_deadline(int n)
    {
        var raisedAt = Gmt(2026, 12, 18, 18, 30); // a Friday, after hours, before Christmas
        var due = Calendar.DueWithinWorkingDays(raisedAt, n);

        Assert.Equal(n - 1, Calendar.WorkingDaysElapsed(raisedAt, due.AddTicks(-1)));
        Assert.Equal(n, Calendar.WorkingDaysElapsed(raisedAt, due));
    }

    [Fact]
    public void As_at_before_raised_at_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => Calendar.WorkingDaysElapsed(Bst(2026, 6, 2, 10), Bst(2026, 6, 1, 10)));
    }
}
