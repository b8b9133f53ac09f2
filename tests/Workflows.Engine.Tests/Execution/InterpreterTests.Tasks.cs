using Workflows.Engine.Execution;
using Workflows.Engine.Journal;
using Workflows.Engine.Tests.Testing;

namespace Workflows.Engine.Tests.Execution;

public sealed partial class InterpreterTests
{
    [Fact]
    public async Task User_task_waits_and_its_completion_variables_are_merged()
    {
        using var h = new EngineHarness();
        var started = await h.StartFixtureAsync("Execution/parallel-gateway.bpmn", new { rag = "AMBER" });
        var taskId = await h.TaskIdAsync(started.InstanceId, "A");

        // By activity id; the other by its element id (unique while it is open).
        var result = await h.CompleteAsync(started.InstanceId, taskId, new { rag = "RED", decision = "escalate" });
        await h.CompleteAsync(started.InstanceId, "B");

        Assert.Equal("RED", result.State.Variables["rag"]!.GetValue<string>());
        Assert.Equal("escalate", result.State.Variables["decision"]!.GetValue<string>());
        var completed = (await h.EventsAsync(started.InstanceId)).OfType<UserTaskCompleted>().First();
        Assert.Equal(taskId, completed.ActivityId);
        Assert.Equal("reviewer", (await h.Store.ReadJournalAsync(started.InstanceId, default)).Single(e => e.EventType == "UserTaskCompleted" && e.ElementId == "A").Actor);
        await h.AssertJournalsReplayAsync();
    }

    [Fact]
    public async Task Receive_task_and_intermediate_message_catch_wait_for_their_messages_and_merge_the_payload()
    {
        using var h = new EngineHarness();
        var started = await h.StartFixtureAsync("Execution/receive-task.bpmn");
        var id = started.InstanceId;
        Assert.Equal(["AwaitResponse"], EngineHarness.Active(started.State));

        Assert.Empty(await h.CorrelateAsync("confirm"));                        // not waiting for it yet
        Assert.Empty(await h.CorrelateAsync("response", correlationKey: "esc-2")); // another escalation

        var response = Assert.Single(await h.CorrelateAsync("response", new { response = "we will act", respondedBy = "Team manager" }));
        Assert.Equal(["AwaitConfirmation"], EngineHarness.Active(response.State));
        Assert.Equal("we will act", response.State.Variables["response"]!.GetValue<string>());

        var confirmed = Assert.Single(await h.CorrelateAsync("confirm"));
        Assert.Equal(["Done"], EngineHarness.Active(confirmed.State));
        Assert.Empty(confirmed.State.Messages);
        await h.AssertJournalsReplayAsync();
    }

    [Fact]
    public async Task A_process_with_a_message_start_event_starts_there_with_the_message_payload()
    {
        using var h = new EngineHarness();
        var started = await h.StartFixtureAsync("Execution/message-start.bpmn", new { childRef = "C-17" });

        Assert.Equal(["Triage"], EngineHarness.Active(started.State));
        Assert.Equal("ReferralReceived", (await h.EventsAsync(started.InstanceId)).OfType<ActivityStarted>().First().NodeId);
        Assert.Equal("C-17", started.State.Variables["childRef"]!.GetValue<string>());
        await h.AssertJournalsReplayAsync();
    }
}
