using Workflows.Engine.Execution;
using Workflows.Engine.Journal;
using Workflows.Engine.Tests.Testing;

namespace Workflows.Engine.Tests.Execution;

public sealed partial class InterpreterTests
{
    [Fact]
    public async Task Interrupting_boundary_timer_cancels_the_task_and_continues_from_the_boundary_event()
    {
        using var h = new EngineHarness();
        var started = await h.StartFixtureAsync("Execution/boundary-timer-interrupting.bpmn");
        var timer = Assert.Single(started.State.Timers.Values);
        Assert.Equal(EngineHarness.T0.AddHours(24), timer.DueAt);

        await h.AdvanceAsync(TimeSpan.FromHours(23));
        Assert.Equal(["Respond"], await h.ActiveAsync(started.InstanceId));
        await h.AdvanceAsync(TimeSpan.FromHours(1));

        Assert.Equal(["Escalate"], await h.ActiveAsync(started.InstanceId));
        var cancelled = Assert.Single((await h.EventsAsync(started.InstanceId)).OfType<ActivityCancelled>());
        Assert.Equal("Respond", cancelled.NodeId);
        await Assert.ThrowsAsync<WorkflowCommandException>(() => h.CompleteAsync(started.InstanceId, "Respond"));
        await h.AssertJournalsReplayAsync();
    }

    [Fact]
    public async Task Completing_the_task_first_disarms_its_boundary_timer()
    {
        using var h = new EngineHarness();
        var started = await h.StartFixtureAsync("Execution/boundary-timer-interrupting.bpmn");

        var done = await h.CompleteAsync(started.InstanceId, "Respond");
        Assert.Equal(InstanceStatus.Completed, done.State.Status);
        Assert.Empty(h.Store.Timers);
        Assert.Single((await h.EventsAsync(started.InstanceId)).OfType<TimerDisarmed>());
        await h.AssertJournalsReplayAsync();
    }

    [Fact]
    public async Task Non_interrupting_boundary_timer_cycle_fires_alongside_the_task_until_its_repetitions_run_out()
    {
        using var h = new EngineHarness();
        var started = await h.StartFixtureAsync("Execution/boundary-timer-cycle.bpmn");
        var id = started.InstanceId;
        Assert.Equal(EngineHarness.T0.AddHours(4), Assert.Single(started.State.Timers.Values).DueAt);

        await h.AdvanceAsync(TimeSpan.FromHours(4));
        var state = await h.StateAsync(id);
        Assert.Equal(["Respond"], EngineHarness.Active(state));
        Assert.Equal(1, state.Variables["notificationsSent"]!.GetValue<int>());
        var rearmed = Assert.Single(state.Timers.Values);
        Assert.Equal((EngineHarness.T0.AddHours(8), 1), (rearmed.DueAt, rearmed.RepeatsLeft));

        await h.AdvanceAsync(TimeSpan.FromHours(20)); // R3: fires at 8 h and 12 h, then no more
        state = await h.StateAsync(id);
        Assert.Equal(3, state.Variables["notificationsSent"]!.GetValue<int>());
        Assert.Empty(state.Timers);
        Assert.Equal(["Respond"], EngineHarness.Active(state));
        Assert.Equal(3, h.Store.Outbox.Count);

        var done = await h.CompleteAsync(id, "Respond");
        Assert.Equal(InstanceStatus.Completed, done.State.Status);
        await h.AssertJournalsReplayAsync();
    }

    [Fact]
    public async Task Non_interrupting_boundary_message_runs_alongside_and_keeps_listening()
    {
        using var h = new EngineHarness();
        var started = await h.StartFixtureAsync("Execution/boundary-message.bpmn");
        var id = started.InstanceId;

        await h.CorrelateAsync("query", new { question = "Which plan?" });
        var state = Assert.Single(await h.CorrelateAsync("query", new { question = "Who attends?" })).State;

        Assert.Equal(["Investigate", "AnswerQuery", "AnswerQuery"], EngineHarness.Active(state));
        Assert.Equal("Who attends?", state.Variables["question"]!.GetValue<string>());
        Assert.Equal(2, state.Messages.Count); // withdraw + query, still open
        await h.AssertJournalsReplayAsync();
    }

    [Fact]
    public async Task Interrupting_boundary_message_cancels_the_task_and_closes_its_other_boundary_events()
    {
        using var h = new EngineHarness();
        var started = await h.StartFixtureAsync("Execution/boundary-message.bpmn");
        var id = started.InstanceId;
        await h.CorrelateAsync("query");

        var state = Assert.Single(await h.CorrelateAsync("withdraw", new { withdrawnBy = "IRO" })).State;

        Assert.Equal(["AnswerQuery"], EngineHarness.Active(state));
        Assert.Empty(state.Messages);
        Assert.Empty(await h.CorrelateAsync("query"));
        var done = await h.CompleteAsync(id, "AnswerQuery");
        Assert.Equal(InstanceStatus.Completed, done.State.Status);
        await h.AssertJournalsReplayAsync();
    }
}
