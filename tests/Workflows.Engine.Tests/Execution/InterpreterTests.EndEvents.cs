using Workflows.Engine.Execution;
using Workflows.Engine.Journal;
using Workflows.Engine.Tests.Testing;

namespace Workflows.Engine.Tests.Execution;

public sealed partial class InterpreterTests
{
    [Fact]
    public async Task Terminate_end_at_process_level_ends_the_instance_and_cancels_every_token()
    {
        using var h = new EngineHarness();
        var started = await h.StartFixtureAsync("Execution/terminate-end.bpmn");
        var id = started.InstanceId;

        var result = await h.CompleteAsync(id, "Resolve");

        Assert.Equal(InstanceStatus.Terminated, result.State.Status);
        Assert.Empty(result.State.Activities);
        Assert.Empty(h.Store.Timers);
        var events = await h.EventsAsync(id);
        Assert.Equal("Monitor", Assert.Single(events.OfType<ActivityCancelled>()).NodeId);
        Assert.Equal("Resolved", Assert.Single(events.OfType<InstanceTerminated>()).NodeId);
        Assert.IsType<InstanceTerminated>(events[^1]);

        var ex = await Assert.ThrowsAsync<WorkflowCommandException>(() => h.CompleteAsync(id, "Monitor"));
        Assert.Equal(WorkflowCommandErrorKind.Conflict, ex.Kind);
        await h.AssertJournalsReplayAsync();
    }

    [Fact]
    public async Task Terminate_end_inside_a_sub_process_ends_only_that_sub_process_which_then_completes()
    {
        using var h = new EngineHarness();
        var started = await h.StartFixtureAsync("Execution/terminate-end-in-sub-process.bpmn");
        var id = started.InstanceId;
        Assert.Equal(["Rung", "AwaitResponse", "Decide"], EngineHarness.Active(started.State));

        var result = await h.CompleteAsync(id, "Decide");

        Assert.Equal(InstanceStatus.Running, result.State.Status);
        Assert.Equal(["NextRung"], EngineHarness.Active(result.State));
        var events = await h.EventsAsync(id);
        Assert.Equal("AwaitResponse", Assert.Single(events.OfType<ActivityCancelled>()).NodeId);
        Assert.Contains(events.OfType<ActivityCompleted>(), c => c.NodeId == "Rung");
        Assert.Empty(events.OfType<InstanceTerminated>());
        await h.AssertJournalsReplayAsync();
    }
}
