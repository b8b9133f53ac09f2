using Workflows.Escalations.Calendar;
using static Workflows.Escalations.Tests.Calendar.London;

namespace Workflows.Escalations.Tests.Calendar;

public sealed class RagTableTests
{
    private static readonly WorkingDayCalendar Calendar = new(new CalendarOptions());

    [Fact]
    public void Parses_a_protocol_table_from_configuration_text()
    {
        var table = RagTable.Parse(new Dictionary<string, string>
        {
            ["GREEN"] = "5wd",
            ["AMBER"] = "3wd",
            ["RED"] = "25h", // one protocol gives RED 25 hours rather than 24
        });

        Assert.Equal(ResponseWindow.WorkingDays(5), table.WindowFor("GREEN"));
        Assert.Equal(ResponseWindow.WorkingDays(3), table.WindowFor("AMBER"));
        Assert.Equal(ResponseWindow.Hours(25), table.WindowFor("RED"));
        Assert.Equal(new[] { "AMBER", "GREEN", "RED" }, table.Ratings);
    }

    [Fact]
    public void Default_table_is_green_5_working_days_amber_3_working_days_red_24_hours()
    {
        Assert.Equal(ResponseWindow.WorkingDays(5), RagTable.Default.WindowFor("GREEN"));
        Assert.Equal(ResponseWindow.WorkingDays(3), RagTable.Default.WindowFor("AMBER"));
        Assert.Equal(ResponseWindow.Hours(24), RagTable.Default.WindowFor("RED"));
    }

    [Fact]
    public void Ratings_are_matched_regardless_of_case()
    {
        Assert.Equal(ResponseWindow.Hours(24), RagTable.Default.WindowFor("red"));
        Assert.True(RagTable.Default.TryGetWindow("Amber", out var amber));
        Assert.Equal(ResponseWindow.WorkingDays(3), amber);
    }

    [Fact]
    public void Due_instant_follows_the_rating()
    {
        var raisedAt = Bst(2026, 6, 5, 16); // Friday afternoon

        Assert.Equal(Bst(2026, 6, 12, 17), RagTable.Default.DueFrom("GREEN", raisedAt, Calendar));
        Assert.Equal(Bst(2026, 6, 10, 17), RagTable.Default.DueFrom("AMBER", raisedAt, Calendar));
        Assert.Equal(Bst(2026, 6, 6, 16), RagTable.Default.DueFrom("RED", raisedAt, Calendar));
    }

    [Fact]
    public void Unknown_rating_is_rejected_with_the_allowed_ratings_listed()
    {
        var error = Assert.Throws<ArgumentException>(() => RagTable.Default.WindowFor("PURPLE"));

        Assert.Contains("'PURPLE'", error.Message);
        Assert.Contains("Allowed ratings: AMBER, GREEN, RED", error.Message);
        Assert.False(RagTable.Default.TryGetWindow("PURPLE", out _));
    }

    [Fact]
    public void Malformed_window_is_reported_with_its_rating()
    {
        var error = Assert.Throws<FormatException>(() => RagTable.Parse(new Dictionary<string, string>
        {
            ["GREEN"] = "5wd",
            ["RED"] = "24 hours",
        }));

        Assert.Contains("RAG rating 'RED'", error.Message);
    }

    [Fact]
    public void Negative_window_in_a_table_is_out_of_range()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RagTable.Parse(new Dictionary<string, string>
        {
            ["GREEN"] = "-5wd",
        }));
    }

    [Fact]
    public void Empty_table_and_ratings_differing_only_in_case_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => RagTable.Parse(new Dictionary<string, string>()));
        Assert.Throws<ArgumentException>(() => RagTable.Parse(new Dictionary<string, string>
        {
            ["RED"] = "24h",
            ["red"] = "25h",
        }));
    }
}
