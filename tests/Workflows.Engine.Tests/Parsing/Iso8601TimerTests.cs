using Workflows.Engine.Parsing;

namespace Workflows.Engine.Tests.Parsing;

public sealed class Iso8601TimerTests
{
    [Theory]
    [InlineData("PT24H", 24 * 3600)]
    [InlineData("P5D", 5 * 86400)]
    [InlineData("P1DT2H", 86400 + 7200)]
    [InlineData("P1W", 7 * 86400)]
    [InlineData("PT30M", 1800)]
    [InlineData("PT45S", 45)]
    [InlineData("P0D", 0)]
    [InlineData("P2DT3H4M5S", 2 * 86400 + 3 * 3600 + 4 * 60 + 5)]
    [InlineData("PT1.5H", 5400)]
    [InlineData("PT0,5M", 30)]
    [InlineData("pt24h", 24 * 3600)]
    [InlineData(" P7D ", 7 * 86400)]
    public void A_duration_is_read_with_a_day_as_24_hours(string text, int seconds)
    {
        Assert.True(Iso8601Timer.TryParseDuration(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("P1M", "months")]
    [InlineData("P1Y", "years")]
    [InlineData("P1Y2M3D", "years")]
    [InlineData("P1W2D", "combines weeks")]
    [InlineData("P", "has no value")]
    [InlineData("PT", "nothing after T")]
    [InlineData("PT24", "expected a number and a unit")]
    [InlineData("P24H", "needs T before hours")]
    [InlineData("PT1H2H", "out of order or repeated")]
    [InlineData("PT1M1H", "out of order")]
    [InlineData("PT1.5H30M", "only the last unit may have one")]
    [InlineData("-P1D", "must start with P")]
    [InlineData("24 hours", "must start with P")]
    [InlineData("", "empty")]
    [InlineData("P9999999999999999D", "too large")]
    [InlineData("P99999999D", "too long")]
    public void A_duration_that_is_not_valid_is_refused_with_a_reason(string text, string reason)
    {
        Assert.False(Iso8601Timer.TryParseDuration(text, out _, out var error));
        Assert.Contains(reason, error);
        Assert.False(Iso8601Timer.TryParseDuration(text, out _));
    }

    [Theory]
    [InlineData("2026-12-01T17:00:00Z", "2026-12-01T17:00:00+00:00")]
    [InlineData("2026-06-01T09:00:00+01:00", "2026-06-01T08:00:00+00:00")]
    [InlineData("2026-06-01T09:00+01:00", "2026-06-01T08:00:00+00:00")]
    [InlineData("2026-12-01T17:00:00.250Z", "2026-12-01T17:00:00.250+00:00")]
    [InlineData("2026-12-01t17:00:00z", "2026-12-01T17:00:00+00:00")]
    public void A_date_time_with_an_offset_is_read_as_an_instant(string text, string expected)
    {
        Assert.True(Iso8601Timer.TryParseDateTime(text, out var instant));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), instant);
    }

    [Theory]
    [InlineData("2026-12-01T17:00:00", "no time zone offset")]
    [InlineData("2026-12-01", "needs a time and an offset")]
    [InlineData("2026-02-30T10:00:00Z", "not an ISO 8601 date-time")]
    [InlineData("01/12/2026 17:00 +00:00", "not an ISO 8601 date-time")]
    public void A_date_time_without_an_offset_or_that_is_not_a_date_is_refused(string text, string reason)
    {
        Assert.False(Iso8601Timer.TryParseDateTime(text, out _, out var error));
        Assert.Contains(reason, error);
    }

    [Fact]
    public void A_bounded_cycle_counts_its_repetitions()
    {
        Assert.True(Iso8601Timer.TryParseCycle("R3/PT1H", out var cycle));
        Assert.Equal(new Iso8601Cycle(3, null, TimeSpan.FromHours(1)), cycle);
    }

    [Fact]
    public void An_unbounded_cycle_has_no_repetition_count()
    {
        Assert.True(Iso8601Timer.TryParseCycle("R/P1D", out var cycle));
        Assert.Equal(new Iso8601Cycle(null, null, TimeSpan.FromDays(1)), cycle);
    }

    [Fact]
    public void A_cycle_may_name_when_its_first_interval_starts()
    {
        Assert.True(Iso8601Timer.TryParseCycle("R3/2026-01-01T00:00:00Z/PT1H", out var cycle));
        Assert.Equal(new Iso8601Cycle(3, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(1)), cycle);
    }

    [Theory]
    [InlineData("PT1H", "not an ISO 8601 cycle")]
    [InlineData("R3", "not an ISO 8601 cycle")]
    [InlineData("R3/PT1H/PT2H/PT3H", "not an ISO 8601 cycle")]
    [InlineData("Rx/PT1H", "not a repeat count")]
    [InlineData("R0/PT1H", "repeats zero times")]
    [InlineData("R3/P0D", "longer than zero")]
    [InlineData("R3/P1M", "months")]
    [InlineData("R3/PT1H/2026-01-01T00:00:00Z", "end date")]
    [InlineData("R3/2026-01-01/PT1H", "needs a time")]
    public void A_cycle_that_is_not_valid_is_refused_with_a_reason(string text, string reason)
    {
        Assert.False(Iso8601Timer.TryParseCycle(text, out _, out var error));
        Assert.Contains(reason, error);
    }

    [Theory]
    [InlineData("PT24H", true)]
    [InlineData("P5D", true)]
    [InlineData("P1M", true)]
    [InlineData("pt1h", true)]
    [InlineData("R3/PT1H", true)]
    [InlineData("R/P1D", true)]
    [InlineData("2026-12-01T17:00:00Z", true)]
    [InlineData("2026-12-01", true)]
    [InlineData("workingDays(5)", false)]
    [InlineData("responseWindow(rag)", false)]
    [InlineData("Pending", false)]
    [InlineData("Ready/2", false)]
    [InlineData("${duration}", false)]
    [InlineData("= duration", false)]
    [InlineData("P", false)]
    public void An_iso_literal_is_told_apart_from_an_expression(string text, bool looksIso)
    {
        Assert.Equal(looksIso, Iso8601Timer.LooksLikeIso8601(text));
    }
}
