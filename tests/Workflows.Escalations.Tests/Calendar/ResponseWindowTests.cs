using Workflows.Escalations.Calendar;
using static Workflows.Escalations.Tests.Calendar.London;

namespace Workflows.Escalations.Tests.Calendar;

public sealed class ResponseWindowTests
{
    private static readonly WorkingDayCalendar Calendar = new(new CalendarOptions());

    [Theory]
    [InlineData("5wd", ResponseWindowKind.WorkingDays, 5)]
    [InlineData("3WD", ResponseWindowKind.WorkingDays, 3)]
    [InlineData("20wd", ResponseWindowKind.WorkingDays, 20)]
    [InlineData("24h", ResponseWindowKind.Hours, 24)]
    [InlineData(" 25H ", ResponseWindowKind.Hours, 25)]
    public void Parses_working_days_and_hours(string text, ResponseWindowKind kind, int amount) =>
        Assert.Equal(new ResponseWindow(kind, amount), ResponseWindow.Parse(text));

    [Theory]
    [InlineData("5wd")]
    [InlineData("24h")]
    public void Prints_the_form_it_parses(string text) =>
        Assert.Equal(text, ResponseWindow.Parse(text).ToString());

    [Theory]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("wd")]
    [InlineData("5d")]
    [InlineData("five wd")]
    [InlineData("24 hours")]
    [InlineData("2.5h")]
    [InlineData("99999999999h")]
    public void Malformed_text_is_a_format_error_that_shows_the_expected_form(string text)
    {
        var error = Assert.Throws<FormatException>(() => ResponseWindow.Parse(text));

        Assert.Contains("'5wd' or '24h'", error.Message);
    }

    [Theory]
    [InlineData("-3wd")]
    [InlineData("0h")]
    public void Zero_or_negative_amounts_are_out_of_range(string text) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ResponseWindow.Parse(text));

    [Fact]
    public void Negative_amounts_are_rejected_by_the_factories()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ResponseWindow.WorkingDays(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ResponseWindow.Hours(-1));
    }

    [Fact]
    public void Working_day_window_is_due_by_the_working_day_rule()
    {
        // Friday 18:30, after hours: Monday is day 1, Friday 12 June day 5.
        Assert.Equal(Bst(2026, 6, 12, 17), ResponseWindow.WorkingDays(5).DueFrom(Bst(2026, 6, 5, 18, 30), Calendar));
    }

    [Fact]
    public void Hour_window_is_due_by_the_clock_hour_rule()
    {
        Assert.Equal(Bst(2026, 6, 6, 18, 30), ResponseWindow.Hours(24).DueFrom(Bst(2026, 6, 5, 18, 30), Calendar));
    }
}
