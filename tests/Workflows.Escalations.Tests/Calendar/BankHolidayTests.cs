using Workflows.Escalations.Calendar;

namespace Workflows.Escalations.Tests.Calendar;

/// <summary>England &amp; Wales bank holidays and weekends, as <see cref="WorkingDayCalendar.IsWorkingDay"/> sees them.</summary>
public sealed class BankHolidayTests
{
    private static readonly WorkingDayCalendar Calendar = new(new CalendarOptions());

    [Theory]
    [InlineData("2026-06-06")] // Saturday
    [InlineData("2026-06-07")] // Sunday
    public void Weekends_are_not_working_days(string date) =>
        Assert.False(Calendar.IsWorkingDay(London.Date(date)));

    [Theory]
    [InlineData("2026-06-01")] // Monday
    [InlineData("2026-06-05")] // Friday
    [InlineData("2026-12-24")] // Christmas Eve is not a bank holiday
    [InlineData("2026-12-31")] // nor is New Year's Eve
    public void Ordinary_weekdays_are_working_days(string date) =>
        Assert.True(Calendar.IsWorkingDay(London.Date(date)));

    [Theory]
    [InlineData("2026-04-03")] // Good Friday 2026
    [InlineData("2026-04-06")] // Easter Monday 2026
    [InlineData("2027-03-26")] // Good Friday 2027
    [InlineData("2027-03-29")] // Easter Monday 2027 (the day after the March clock change)
    public void Good_Friday_and_Easter_Monday_are_bank_holidays(string date)
    {
        var day = London.Date(date);
        Assert.True(Calendar.IsBankHoliday(day));
        Assert.False(Calendar.IsWorkingDay(day));
    }

    [Theory]
    [InlineData("2026-01-01")] // New Year's Day, Thursday
    [InlineData("2026-12-25")] // Christmas Day, Friday
    [InlineData("2026-12-28")] // Boxing Day falls on Saturday 26th: substitute Monday
    [InlineData("2027-01-01")] // New Year's Day, Friday
    [InlineData("2027-05-03")] // Early May bank holiday
    [InlineData("2027-12-27")] // Christmas on Saturday: substitute Monday
    [InlineData("2027-12-28")] // Boxing Day on Sunday: substitute Tuesday
    public void Christmas_New_Year_and_their_substitute_days_are_bank_holidays(string date)
    {
        var day = London.Date(date);
        Assert.True(Calendar.IsBankHoliday(day));
        Assert.False(Calendar.IsWorkingDay(day));
    }

    [Fact]
    public void Boxing_Day_on_a_Saturday_is_not_itself_the_bank_holiday_its_substitute_is()
    {
        var boxingDay2026 = new DateOnly(2026, 12, 26);
        Assert.False(Calendar.IsBankHoliday(boxingDay2026));
        Assert.False(Calendar.IsWorkingDay(boxingDay2026)); // still a Saturday
    }

    [Theory]
    [InlineData("2026-12-24", "2026-12-29")] // Christmas Friday, weekend, substitute Monday
    [InlineData("2026-12-31", "2027-01-04")] // New Year's Day Friday, weekend
    [InlineData("2026-04-02", "2026-04-07")] // Easter 2026
    [InlineData("2027-03-25", "2027-03-30")] // Easter 2027
    [InlineData("2026-06-05", "2026-06-08")] // Friday to Monday
    [InlineData("2026-06-06", "2026-06-08")] // from a Saturday
    [InlineData("2026-06-01", "2026-06-02")] // the next day, never the same day
    public void Next_working_day_skips_weekends_and_bank_holidays(string from, string expected) =>
        Assert.Equal(London.Date(expected), Calendar.NextWorkingDay(London.Date(from)));

    [Fact]
    public void One_off_bank_holidays_come_from_the_package_too()
    {
        Assert.True(Calendar.IsBankHoliday(new DateOnly(2022, 9, 19))); // State funeral of Queen Elizabeth II
        Assert.True(Calendar.IsBankHoliday(new DateOnly(2023, 5, 8)));  // Coronation of King Charles III
    }
}
