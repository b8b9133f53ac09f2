using Workflows.Engine.Execution;
using Workflows.Engine.Journal;
using Workflows.Engine.Tests.Testing;

namespace Workflows.Engine.Tests.Execution;

public sealed partial class InterpreterTests
{
    [Fact]
    public async Task Non_interrupting_message_event_sub_process_runs_alongside_and_stays_subscribed()
    {
        using var h = new EngineHarness();
        var started = await h.StartFixtureAsync("Execution/event-sub-process-message.bpmn");
        var id = started.InstanceId;
        Assert.Equal(2, started.State.Messages.Count);

        await h.CorrelateAsync("note", new { note = "first" });
        var state = Assert.Single(await h.CorrelateAsync("note", new { note = "second" })).State;

        Assert.Equal(["Work"], EngineHarness.Active(state));
        Assert.Equal(2, state.Variables["caseNotes"]!.GetValue<int>());
        Assert.Equal(2, (await h.EventsAsync(id)).OfType<ActivityCompleted>().Count(c => c.NodeId == "NoteAdded"));
        Assert.Equal(2, state.Messages.Count);

        // Its open subscription does not keep the process alive.
        var done = await h.CompleteAsync(id, "Work");
        Assert.Equal(InstanceStatus.Completed, done.State.Status);
        Assert.Empty(await h.CorrelateAsync("note"));
        await h.AssertJournalsReplayAsync();
    }

    [Fact]
    public async Task Interrupting_message_event_sub_process_cancels_the_rest_of_the_scope()
    {
        using var h = new EngineHarness();
        var started = await h.StartFixtureAsync("Execution/event-sub-process-message.bpmn");
        var id = started.InstanceId;

        var state = Assert.Single(await h.CorrelateAsync("close", new { outcome = "resolved" })).State;

        Assert.Equal(["Closed", "RecordOutcome"], EngineHarness.Active(state));
        Assert.Empty(state.Messages);  // the scope's other event sub-processes stop listening
        Assert.Equal("Work", Assert.Single((await h.EventsAsync(id)).OfType<ActivityCancelled>()).NodeId);

        var done = await h.CompleteAsync(id, "RecordOutcome");
        Assert.Equal(InstanceStatus.Completed, done.State.Status);
        await h.AssertJournalsReplayAsync();
    }

    [Fact]
    public async Task Non_interrupting_timer_event_sub_process_cycle_re_arms_while_repetitions_remain()
    {
        using var h = new EngineHarness();
        var started = await h.StartFixtureAsync("Execution/event-sub-process-timer.bpmn");
        var id = started.InstanceId;
        Assert.Equal(2, started.State.Timers.Count);

        await h.AdvanceAsync(TimeSpan.FromDays(1));
        var state = await h.StateAsync(id);
        Assert.Equal(["Work"], EngineHarness.Active(state));
        Assert.Equal(1, state.Variables["notificationsSent"]!.GetValue<int>());
        Assert.Equal(2, state.Timers.Count);

        await h.AdvanceAsync(TimeSpan.FromDays(3));
        state = await h.StateAsync(id);
        Assert.Equal(2, state.Variables["notificationsSent"]!.GetValue<int>());
        Assert.Single(state.Timers); // the chaser's R2 is spent; the overall limit remains
        await h.AssertJournalsReplayAsync();
    }

    [Fact]
    public async Task Interrupting_timer_event_sub_process_cancels_the_scope_when_it_fires()
    {
        using var h = new EngineHarness();
        var started = await h.StartFixtureAsync("Execution/event-sub-process-timer.bpmn");
        var id = started.InstanceId;

        await h.AdvanceAsync(TimeSpan.FromDays(20));

        var state = await h.StateAsync(id);
        Assert.Equal(["OverallLimit", "LimitReached"], EngineHarness.Active(state));
        Assert.Empty(state.Timers);
        Assert.Empty(h.Store.Timers);
        var done = await h.CompleteAsync(id, "LimitReached");
        Assert.Equal(InstanceStatus.Completed, done.State.Status);
        await h.AssertJournalsReplayAsync();
    }
}
