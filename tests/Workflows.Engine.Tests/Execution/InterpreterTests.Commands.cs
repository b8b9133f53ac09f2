using Workflows.Engine.Execution;
using Workflows.Engine.Journal;
using Workflows.Engine.Runtime;
using Workflows.Engine.Tests.Testing;

namespace Workflows.Engine.Tests.Execution;

public sealed partial class InterpreterTests
{
    [Fact]
    public async Task Cancel_withdraws_every_token_and_wait_and_ends_the_instance()
    {
        using var h = new EngineHarness();
        var started = await h.StartFixtureAsync("Execution/terminate-end.bpmn");
        var id = started.InstanceId;

        var result = await h.Runtime.CancelAsync(new CancelInstance(id, "Raised in error", "admin"));

        Assert.Equal(InstanceStatus.Cancelled, result.State.Status);
        Assert.Empty(result.State.Activities);
        Assert.Empty(h.Store.Timers);
        var events = await h.EventsAsync(id);
        Assert.Equal(["Monitor", "Resolve"], events.OfType<ActivityCancelled>().Select(c => c.NodeId));
        Assert.Equal("Raised in error", Assert.IsType<InstanceCancelled>(events[^1]).Reason);
        Assert.All(result.Journal, e => Assert.Equal("admin", e.Actor));
        await h.AssertJournalsReplayAsync();
    }

    [Fact]
    public async Task Commands_on_an_ended_instance_are_conflicts_and_emit_nothing()
    {
        using var h = new EngineHarness();
        var started = await h.StartFixtureAsync("Execution/terminate-end.bpmn");
        var id = started.InstanceId;
        await h.Runtime.CancelAsync(new CancelInstance(id, "duplicate", "admin"));
        var before = (await h.Store.ReadJournalAsync(id, default)).Count;

        var cancel = await Assert.ThrowsAsync<WorkflowCommandException>(() => h.Runtime.CancelAsync(new CancelInstance(id, "again", "admin")));
        var complete = await Assert.ThrowsAsync<WorkflowCommandException>(() => h.CompleteAsync(id, "Resolve"));

        Assert.Equal((WorkflowCommandErrorKind.Conflict, WorkflowCommandErrorKind.Conflict), (cancel.Kind, complete.Kind));
        Assert.Contains("has already ended (Cancelled)", cancel.Message);
        Assert.Equal(before, (await h.Store.ReadJournalAsync(id, default)).Count);
        await h.AssertJournalsReplayAsync();
    }

    [Fact]
    public async Task Commands_naming_what_does_not_exist_are_not_found()
    {
        using var h = new EngineHarness();
        var started = await h.StartFixtureAsync("Execution/parallel-gateway.bpmn");
        var id = started.InstanceId;

        var task = await Assert.ThrowsAsync<WorkflowCommandException>(() => h.CompleteAsync(id, "NoSuchTask"));
        var instance = await Assert.ThrowsAsync<WorkflowCommandException>(() => h.CompleteAsync("no-such-instance", "A"));
        var definition = await Assert.ThrowsAsync<WorkflowCommandException>(() => h.StartAsync("no-such-process"));

        Assert.All(new[] { task, instance, definition }, e => Assert.Equal(WorkflowCommandErrorKind.NotFound, e.Kind));
        Assert.Equal($"Instance {id} has no open user task 'NoSuchTask'.", task.Message);
        await h.AssertJournalsReplayAsync();
    }

    [Fact]
    public async Task Interpreter_refuses_a_message_the_instance_does_not_wait_for_before_emitting_anything()
    {
        using var h = new EngineHarness();
        var started = await h.StartFixtureAsync("Execution/receive-task.bpmn");
        var interpreter = new Interpreter(
            global::Workflows.Engine.Parsing.BpmnParser.Parse(File.ReadAllText(EngineHarness.FixturePath("Execution/receive-task.bpmn"))).Definition!,
            InterpreterServices.Create(h.Runtime.Expressions, []));
        var state = await h.StateAsync(started.InstanceId);
        var snapshot = InstanceStateSerializer.Serialize(state);

        var ex = Assert.Throws<WorkflowCommandException>(() =>
            interpreter.Execute(state, new CorrelateMessage("confirm", EngineHarness.CorrelationKey, null, "x"), h.Time.GetUtcNow()));

        Assert.Equal(WorkflowCommandErrorKind.NotFound, ex.Kind);
        Assert.Equal(snapshot, InstanceStateSerializer.Serialize(state));
        Assert.Empty(interpreter.Execute(state, new FireTimer(started.InstanceId, "t999"), h.Time.GetUtcNow()));
        await h.AssertJournalsReplayAsync();
    }
}
