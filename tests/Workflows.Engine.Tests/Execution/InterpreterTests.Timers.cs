using Workflows.Engine.Execution;
using Workflows.Engine.Tests.Testing;

namespace Workflows.Engine.Tests.Execution;

public sealed partial class InterpreterTests
{
    [Theory]
    [InlineData("AMBER", "2026-03-09T17:00:00Z")] // Monday + 5 working days
    [InlineData("RED", "2026-03-03T17:00:00Z")]
    public async Task Timer_expression_calls_a_host_function_once_when_armed_and_stores_the_due_instant(string rag, string due)
    {
        using var h = new EngineHarness(functions: [DelegateHostFunction.WorkingDays]);
        var started = await h.StartFixtureAsync("Execution/timer-host-function.bpmn", new { rag });

        var timer = Assert.Single(started.State.Timers.Values);
        Assert.Equal(DateTimeOffset.Parse(due), timer.DueAt);
        Assert.Equal(timer.DueAt, Assert.Single(h.Store.Timers).DueAt);

        await h.AdvanceAsync(DateTimeOffset.Parse(due) - EngineHarness.T0);
        Assert.Equal(["Overdue"], await h.ActiveAsync(started.InstanceId));
        await h.AssertJournalsReplayAsync();
    }

    [Fact]
    public async Task A_timer_expression_that_fails_raises_an_incident_at_the_catch_event()
    {
        using var h = new EngineHarness();
        var started = await h.StartFixtureAsync("Execution/timer-bad-expression.bpmn");

        Assert.Equal(["Wait"], EngineHarness.Active(started.State));
        Assert.Empty(started.State.Timers);
        Assert.Contains("fortnight is not defined", started.State.Incidents["Wait"]);
        await h.AssertJournalsReplayAsync();
    }

    [Theory]
    [InlineData("loop", "was stopped")]
    [InlineData("clr", "System is not defined")]
    [InlineData("memory", "allocated more than")]
    public async Task Sandboxed_conditions_that_loop_reach_for_the_CLR_or_allocate_hugely_become_incidents(string probe, string reason)
    {
        using var h = new EngineHarness();
        var started = await h.StartFixtureAsync("Execution/sandbox.bpmn", new { probe });

        Assert.Equal(InstanceStatus.Running, started.State.Status);
        Assert.Equal(["Probe"], EngineHarness.Active(started.State));
        Assert.Contains(reason, started.State.Incidents["Probe"]);
        await h.AssertJournalsReplayAsync();
    }

    [Fact]
    public async Task Sandbox_probe_that_does_nothing_harmful_passes()
    {
        using var h = new EngineHarness();
        var started = await h.StartFixtureAsync("Execution/sandbox.bpmn", new { probe = "none" });
        Assert.Equal(InstanceStatus.Completed, started.State.Status);
        await h.AssertJournalsReplayAsync();
    }
}
