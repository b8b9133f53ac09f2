using Workflows.Engine.Execution;
using Workflows.Engine.Journal;
using Workflows.Engine.Tests.Testing;

namespace Workflows.Engine.Tests.Execution;

public sealed partial class InterpreterTests
{
    [Fact]
    public async Task Embedded_sub_process_is_a_scope_that_completes_when_nothing_inside_is_active()
    {
        using var h = new EngineHarness();
        var started = await h.StartFixtureAsync("Execution/embedded-sub-process.bpmn");
        var id = started.InstanceId;
        var stage = started.State.Activities.Values.Single(a => a.NodeId == "Stage1");
        Assert.All(started.State.Activities.Values.Where(a => a.NodeId is "Discuss" or "Record"), a => Assert.Equal(stage.Id, a.ScopeId));
        // The event sub-process inside listens while the stage runs; the boundary timer sits on the stage.
        Assert.Equal(stage.Id, Assert.Single(started.State.Messages.Values).OwnerId);
        Assert.Equal(stage.Id, Assert.Single(started.State.Timers.Values).OwnerId);

        Assert.Single(await h.CorrelateAsync("ping"));
        Assert.Equal(["Stage1", "Discuss", "Record"], await h.ActiveAsync(id));

        await h.CompleteAsync(id, "Record");   // one branch ends; the other still runs
        Assert.Equal(["Stage1", "Discuss"], await h.ActiveAsync(id));

        var state = (await h.CompleteAsync(id, "Discuss")).State;
        Assert.Equal(["Stage2"], EngineHarness.Active(state));
        Assert.Empty(state.Messages);
        Assert.Empty(state.Timers);
        Assert.Empty(await h.CorrelateAsync("ping"));
        await h.AssertJournalsReplayAsync();
    }

    [Fact]
    public async Task Interrupting_boundary_timer_on_a_sub_process_cancels_everything_inside_it()
    {
        using var h = new EngineHarness();
        var started = await h.StartFixtureAsync("Execution/embedded-sub-process.bpmn");
        await h.CompleteAsync(started.InstanceId, "Record");

        await h.AdvanceAsync(TimeSpan.FromDays(5));

        var state = await h.StateAsync(started.InstanceId);
        Assert.Equal(InstanceStatus.Completed, state.Status);
        var cancelled = (await h.EventsAsync(started.InstanceId)).OfType<ActivityCancelled>().Select(c => c.NodeId).ToList();
        Assert.Equal(["Discuss", "Stage1"], cancelled);  // inner first, then the scope
        Assert.Contains((await h.EventsAsync(started.InstanceId)).OfType<ActivityStarted>(), a => a.NodeId == "Overdue");
        await h.AssertJournalsReplayAsync();
    }
}
