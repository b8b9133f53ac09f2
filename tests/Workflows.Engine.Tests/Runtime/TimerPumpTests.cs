using Workflows.Engine.Journal;
using Workflows.Engine.Runtime;
using Workflows.Engine.Tests.Testing;

namespace Workflows.Engine.Tests.Runtime;

public sealed class TimerPumpTests
{
    [Fact]
    public async Task RunOnce_fires_only_the_timers_that_are_due()
    {
        using var h = new EngineHarness();
        var started = await h.StartFixtureAsync("Execution/event-sub-process-timer.bpmn"); // due in 1 day and in 20 days

        Assert.Equal(0, await h.Pump.RunOnceAsync(h.Time.GetUtcNow().AddHours(23)));
        h.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await h.Pump.RunOnceAsync(h.Time.GetUtcNow()));

        Assert.Single((await h.EventsAsync(started.InstanceId)).OfType<TimerFired>());
        Assert.Equal(2, h.Store.Timers.Count); // the chaser re-armed, the limit still waits
        await h.AssertJournalsReplayAsync();
    }

    [Fact]
    public async Task A_claimed_timer_is_leased_to_one_pump_until_its_lease_runs_out()
    {
        using var h = new EngineHarness();
        await h.StartFixtureAsync("Execution/boundary-timer-interrupting.bpmn");
        var due = h.Time.GetUtcNow().AddDays(1);

        Assert.Single(await h.Store.ClaimDueAsync(due, 10, "host-a", TimeSpan.FromMinutes(1), default));
        Assert.Empty(await h.Store.ClaimDueAsync(due, 10, "host-b", TimeSpan.FromMinutes(1), default));
        Assert.Equal(due.AddMinutes(1), await h.Store.NextDueAsync(default));
        Assert.Single(await h.Store.ClaimDueAsync(due.AddMinutes(1), 10, "host-b", TimeSpan.FromMinutes(1), default));
        await h.AssertJournalsReplayAsync();
    }

    [Fact]
    public async Task Run_sleeps_until_the_next_due_timer_on_the_injected_clock_and_fires_it()
    {
        using var h = new EngineHarness();
        var started = await h.StartFixtureAsync("Execution/boundary-timer-interrupting.bpmn");
        var fired = new TaskCompletionSource<DueTimer>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var pump = new TimerPump(h.Store, h.Runtime, h.Time, new TimerPumpOptions
        {
            Owner = "test", MaxIdle = TimeSpan.FromHours(1), OnFired = (timer, _) => fired.TrySetResult(timer),
        });
        using var stop = new CancellationTokenSource();
        var running = Task.Run(() => pump.RunAsync(stop.Token));

        // Fake time moves in steps; the pump only ever waits on it (no wall-clock sleeping anywhere).
        for (var i = 0; i < 30 * 24 * 6 && !fired.Task.IsCompleted; i++)
        {
            h.Time.Advance(TimeSpan.FromMinutes(10));
            await Task.Yield();
        }
        var timer = await fired.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(EngineHarness.T0.AddHours(24), timer.DueAt);
        Assert.Equal(["Escalate"], await h.ActiveAsync(started.InstanceId));
        await h.AssertJournalsReplayAsync();
    }

    [Fact]
    public async Task Run_wakes_up_when_a_timer_due_sooner_is_committed()
    {
        using var h = new EngineHarness();
        await h.PublishAsync("Execution/event-based-gateway.bpmn");
        var fired = new TaskCompletionSource<DueTimer>(TaskCreationOptions.RunContinuationsAsynchronously);
        var asleep = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var pump = new TimerPump(h.Store, h.Runtime, h.Time, new TimerPumpOptions
        {
            Owner = "test", MaxIdle = TimeSpan.FromDays(7), OnFired = (timer, _) => fired.TrySetResult(timer),
            OnSleep = delay => asleep.TrySetResult(delay),
        });
        using var stop = new CancellationTokenSource();
        var running = Task.Run(() => pump.RunAsync(stop.Token));
        Assert.Equal(TimeSpan.FromDays(7), await asleep.Task.WaitAsync(TimeSpan.FromSeconds(30)));

        // The pump has nothing to do and would sleep a week. A commit arms a timer (48 h away), then time
        // jumps past it in one step: without the wake-up the pump would still be asleep.
        var started = await h.StartAsync("event-based-gateway");
        for (var i = 0; i < 1000 && !fired.Task.IsCompleted; i++)
        {
            if (i == 100) h.Time.Advance(TimeSpan.FromHours(48));
            await Task.Yield();
        }
        var timer = await fired.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(started.InstanceId, timer.InstanceId);
        Assert.Equal(["Chase"], await h.ActiveAsync(started.InstanceId));
        await h.AssertJournalsReplayAsync();
    }
}
