using Workflows.Engine.Execution;
using Workflows.Engine.Journal;
using Workflows.Engine.Runtime;
using Workflows.Engine.Tests.Testing;

namespace Workflows.Engine.Tests.Runtime;

public sealed class WorkflowRuntimeTests
{
    [Fact]
    public async Task A_start_repeated_with_the_same_idempotency_key_returns_the_first_instance()
    {
        using var h = new EngineHarness();
        var record = await h.PublishAsync("Execution/parallel-gateway.bpmn");

        var first = await h.StartAsync(record.Key, idempotencyKey: "req-1");
        var again = await h.StartAsync(record.Key, idempotencyKey: "req-1");
        var other = await h.StartAsync(record.Key, idempotencyKey: "req-2");

        Assert.True(first.Created);
        Assert.False(again.Created);
        Assert.Equal(first.InstanceId, again.InstanceId);
        Assert.Empty(again.Journal);
        Assert.NotEqual(first.InstanceId, other.InstanceId);
        Assert.Equal(2, (await h.Store.QueryAsync(new InstanceQuery(), default)).Count);
        await h.AssertJournalsReplayAsync();
    }

    [Fact]
    public async Task A_concurrent_duplicate_start_that_loses_the_race_returns_the_winner()
    {
        ConflictingInstanceStore? store = null;
        using var h = new EngineHarness(wrapInstances: inner => store = new ConflictingInstanceStore(inner));
        var record = await h.PublishAsync("Execution/parallel-gateway.bpmn");
        var winner = await h.StartAsync(record.Key, idempotencyKey: "req-1");

        store!.HideIdempotencyKeyOnce = true;   // as if the winner had not committed when we looked
        var loser = await h.StartAsync(record.Key, idempotencyKey: "req-1");

        Assert.False(loser.Created);
        Assert.Equal(winner.InstanceId, loser.InstanceId);
        Assert.Single(await h.Store.QueryAsync(new InstanceQuery(), default));
        await h.AssertJournalsReplayAsync();
    }

    [Fact]
    public async Task A_concurrency_conflict_reruns_the_whole_command_on_fresh_state_so_no_step_is_lost_or_doubled()
    {
        ConflictingInstanceStore? store = null;
        using var h = new EngineHarness(wrapInstances: inner => store = new ConflictingInstanceStore(inner));
        var started = await h.StartFixtureAsync("Execution/boundary-message.bpmn");
        var id = started.InstanceId;

        // Another host correlates a message between our load and our commit.
        var otherHost = new WorkflowRuntime(h.Store, h.Store, h.Time, new WorkflowRuntimeOptions());
        store!.BeforeCommit = () => otherHost.CorrelateMessageAsync(new CorrelateMessage("query", EngineHarness.CorrelationKey, null, "other-host"));
        var commitsBefore = store.Commits;

        var result = await h.CompleteAsync(id, "Investigate", new { finding = "plan not reviewed" });

        Assert.Equal(2, store.Commits - commitsBefore);        // the first try conflicted, the rerun committed
        Assert.Equal(3, result.Version);                        // start, the other host's query, our completion
        Assert.Equal(["AnswerQuery"], EngineHarness.Active(result.State));
        var events = await h.EventsAsync(id);
        Assert.Single(events.OfType<UserTaskCompleted>());
        Assert.Single(events.OfType<MessageReceived>());
        await h.AssertJournalsReplayAsync();
    }

    [Fact]
    public async Task Conflicts_that_never_stop_surface_after_the_configured_attempts()
    {
        ConflictingInstanceStore? store = null;
        using var h = new EngineHarness(wrapInstances: inner => store = new ConflictingInstanceStore(inner));
        var started = await h.StartFixtureAsync("Execution/parallel-gateway.bpmn");
        store!.ConflictsToThrow = int.MaxValue;
        var commitsBefore = store.Commits;

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => h.CompleteAsync(started.InstanceId, "A"));

        Assert.Equal(5, store.Commits - commitsBefore);
        Assert.Equal(["A", "B"], await h.ActiveAsync(started.InstanceId));
        await h.AssertJournalsReplayAsync();
    }

    [Fact]
    public async Task Firing_a_timer_twice_fires_it_once()
    {
        using var h = new EngineHarness();
        var started = await h.StartFixtureAsync("Execution/boundary-timer-interrupting.bpmn");
        var timerId = started.State.Timers.Keys.Single();
        h.Time.Advance(TimeSpan.FromHours(24));

        var first = await h.Runtime.FireTimerAsync(new FireTimer(started.InstanceId, timerId));
        var second = await h.Runtime.FireTimerAsync(new FireTimer(started.InstanceId, timerId));

        Assert.NotEmpty(first.Journal);
        Assert.Empty(second.Journal);
        Assert.Equal(first.Version, second.Version);
        Assert.Single((await h.EventsAsync(started.InstanceId)).OfType<TimerFired>());
        await h.AssertJournalsReplayAsync();
    }

    [Fact]
    public async Task Two_hosts_firing_the_same_timer_at_once_fire_it_once()
    {
        using var h = new EngineHarness();
        var started = await h.StartFixtureAsync("Execution/boundary-timer-cycle.bpmn");
        var timerId = started.State.Timers.Keys.Single();
        h.Time.Advance(TimeSpan.FromHours(4));
        var hosts = Enumerable.Range(0, 4)
            .Select(_ => new WorkflowRuntime(h.Store, h.Store, h.Time, new WorkflowRuntimeOptions { ActionHandlers = [Notify.Handler("notify")] }))
            .ToList();

        var results = await Task.WhenAll(hosts.Select(r => Task.Run(() => r.FireTimerAsync(new FireTimer(started.InstanceId, timerId)))));

        Assert.Single(results, r => r.Journal.Count > 0);
        Assert.Single((await h.EventsAsync(started.InstanceId)).OfType<TimerFired>());
        Assert.Equal(1, (await h.StateAsync(started.InstanceId)).Variables["notificationsSent"]!.GetValue<int>());
        Assert.Single(h.Store.Outbox);
        await h.AssertJournalsReplayAsync();
    }

    [Fact]
    public async Task Instances_stay_on_the_version_they_started_on_after_a_new_version_is_published()
    {
        using var h = new EngineHarness();
        var v1 = await h.PublishAsync("Execution/boundary-timer-interrupting.bpmn", key: "protocol");
        var onV1 = await h.StartAsync("protocol");

        var v2 = await h.PublishAsync("Execution/parallel-gateway.bpmn", key: "protocol");
        var onV2 = await h.StartAsync("protocol");
        var pinnedToV1 = await h.StartAsync("protocol", version: 1);

        Assert.Equal((1, 2), (v1.Version, v2.Version));
        Assert.Equal(1, onV1.State.DefinitionVersion);
        Assert.Equal(2, onV2.State.DefinitionVersion);
        Assert.Equal(["A", "B"], EngineHarness.Active(onV2.State));
        Assert.Equal(["Respond"], EngineHarness.Active(pinnedToV1.State));

        // The version-1 instance still runs its own graph: its task and its timer exist only there.
        var completed = await h.CompleteAsync(onV1.InstanceId, "Respond");
        Assert.Equal((InstanceStatus.Completed, 1), (completed.State.Status, completed.State.DefinitionVersion));
        await h.AdvanceAsync(TimeSpan.FromHours(24));
        Assert.Equal(["Escalate"], await h.ActiveAsync(pinnedToV1.InstanceId));
        await h.AssertJournalsReplayAsync();
    }

    [Fact]
    public async Task Publishing_unchanged_xml_returns_the_same_version()
    {
        using var h = new EngineHarness();
        var first = await h.PublishAsync("Execution/parallel-gateway.bpmn", key: "protocol");
        var again = await h.PublishAsync("Execution/parallel-gateway.bpmn", key: "protocol");
        Assert.Equal(first, again);
    }

    [Fact]
    public async Task Side_effects_reach_the_outbox_once_and_can_be_claimed_and_delivered()
    {
        using var h = new EngineHarness();
        var started = await h.StartFixtureAsync("Execution/service-task.bpmn");
        IOutboxStore outbox = h.Store;

        var claimed = await outbox.ClaimDueAsync(h.Time.GetUtcNow(), 10, "dispatcher", TimeSpan.FromMinutes(1), default);
        Assert.Equal(2, claimed.Count);
        Assert.Empty(await outbox.ClaimDueAsync(h.Time.GetUtcNow(), 10, "other", TimeSpan.FromMinutes(1), default)); // leased
        await outbox.MarkDeliveredAsync(claimed[0].Id, h.Time.GetUtcNow(), default);
        await outbox.MarkFailedAsync(claimed[1].Id, "SMTP down", h.Time.GetUtcNow().AddMinutes(5), default);

        h.Time.Advance(TimeSpan.FromMinutes(5));
        var retried = Assert.Single(await outbox.ClaimDueAsync(h.Time.GetUtcNow(), 10, "dispatcher", TimeSpan.FromMinutes(1), default));
        Assert.Equal((claimed[1].Id, 1, "SMTP down"), (retried.Id, retried.Attempts, retried.LastError));
        Assert.StartsWith(started.InstanceId + ":e", retried.Id);
        await h.AssertJournalsReplayAsync();
    }
}
