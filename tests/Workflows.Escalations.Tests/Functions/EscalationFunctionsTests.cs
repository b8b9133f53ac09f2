using Workflows.Engine.Expressions;
using Workflows.Escalations.Calendar;
using Workflows.Escalations.Functions;

namespace Workflows.Escalations.Tests.Functions;

public sealed class EscalationFunctionsTests
{
    private static readonly WorkingDayCalendar Calendar = new(new CalendarOptions());

    private static readonly ProtocolTimings RagRated = new(Calendar,
        RagTable.Parse([new("GREEN", "5wd"), new("AMBER", "3wd"), new("RED", "25h")]),
        FixedWindow: null, ReminderBefore: null, OverallLimit: ResponseWindow.WorkingDays(20));

    private static readonly ProtocolTimings Fixed = new(Calendar, null, ResponseWindow.WorkingDays(5), null, null);

    private sealed class Source : IProtocolTimingsSource
    {
        public ProtocolTimings For(string protocolKey) => protocolKey == "fixed" ? Fixed : RagRated;
    }

    private static object? Call(string name, string protocol, DateTimeOffset now, object?[] args,
        Dictionary<string, object?>? variables = null)
    {
        var function = EscalationFunctions.All(new Source()).Single(f => f.Name == name);
        return function.Invoke(new HostFunctionContext(now, protocol, variables ?? []), args);
    }

    // Wednesday 2 December 2026, 10:00 GMT.
    private static readonly DateTimeOffset Wednesday = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Green_response_window_ends_at_five_pm_on_the_fifth_working_day()
        => Assert.Equal(new DateTimeOffset(2026, 12, 9, 17, 0, 0, TimeSpan.Zero),
            Call("responseWindow", "north-somerset", Wednesday, ["GREEN"]));

    [Fact]
    public void Red_response_window_in_north_somerset_is_25_clock_hours_as_written()
        => Assert.Equal(Wednesday.AddHours(25), Call("responseWindow", "north-somerset", Wednesday, ["RED"]));

    [Fact]
    public void Fixed_window_protocols_ignore_the_rating()
        => Assert.Equal(new DateTimeOffset(2026, 12, 9, 17, 0, 0, TimeSpan.Zero),
            Call("responseWindow", "fixed", Wednesday, [null]));

    [Fact]
    public void Unknown_rating_is_refused_with_the_allowed_values()
    {
        var e = Assert.Throws<ArgumentException>(() => Call("responseWindow", "north-somerset", Wednesday, ["PURPLE"]));
        Assert.Contains("AMBER", e.Message);
    }

    [Fact]
    public void Reminder_for_a_working_day_window_goes_one_working_day_before_it_ends()
        => Assert.Equal(new DateTimeOffset(2026, 12, 8, 17, 0, 0, TimeSpan.Zero),
            Call("reminderBefore", "north-somerset", Wednesday, ["GREEN"]));

    [Fact]
    public void Reminder_for_a_clock_hour_window_goes_a_quarter_of_the_window_before_it_ends()
        => Assert.Equal(Wednesday.AddHours(25 - 6), Call("reminderBefore", "north-somerset", Wednesday, ["RED"]));

    [Fact]
    public void Overall_deadline_is_twenty_working_days_from_the_first_formal_escalation()
    {
        var firstFormal = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero); // Monday
        var due = Call("overallDeadline", "north-somerset", Wednesday, [],
            new() { ["firstFormalAt"] = firstFormal.ToString("O") });
        // 20 working days after Mon 2 Nov 2026 end on Mon 30 Nov 2026 at 17:00 GMT.
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 17, 0, 0, TimeSpan.Zero), due);
    }

    [Fact]
    public void Overall_deadline_is_refused_where_the_protocol_sets_no_limit()
        => Assert.Throws<InvalidOperationException>(() => Call("overallDeadline", "fixed", Wednesday, []));

    [Fact]
    public void An_agreed_date_without_a_time_means_the_end_of_that_working_day()
        => Assert.Equal(new DateTimeOffset(2026, 12, 11, 17, 0, 0, TimeSpan.Zero),
            Call("date", "fixed", Wednesday, ["2026-12-11"]));

    [Fact]
    public void Working_days_and_hours_take_whole_numbers_only()
    {
        Assert.Throws<ArgumentException>(() => Call("workingDays", "fixed", Wednesday, [2.5]));
        Assert.Throws<ArgumentException>(() => Call("hours", "fixed", Wednesday, [0]));
        Assert.Equal(Wednesday.AddHours(24), Call("hours", "fixed", Wednesday, [24d]));
    }
}
