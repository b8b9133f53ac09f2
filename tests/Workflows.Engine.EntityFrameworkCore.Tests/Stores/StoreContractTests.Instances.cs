using Workflows.Engine.EntityFrameworkCore.Tests.Infrastructure;
using Workflows.Engine.Execution;
using Workflows.Engine.Journal;
using Workflows.Engine.Runtime;
using static Workflows.Engine.EntityFrameworkCore.Tests.Infrastructure.Instances;

namespace Workflows.Engine.EntityFrameworkCore.Tests.Stores;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task A_new_instance_is_stored_at_version_1_and_each_commit_moves_it_on_by_one()
    {
        var id = NewId();
        var state = State(id, correlationKey: "case-42");
        state.Variables["rag"] = "RED";
        await InstanceStore.CommitAsync(Started(state), None);

        var loaded = await InstanceStore.LoadAsync(id, None);
        Assert.NotNull(loaded);
        Assert.Equal(1, loaded.Version);
        Assert.Equal("case-42", loaded.State.CorrelationKey);
        Assert.Equal("RED", (string?)loaded.State.Variables["rag"]);

        loaded.State.Variables["rag"] = "AMBER";
        await InstanceStore.CommitAsync(Next(loaded.State, 1), None);
        var updated = await InstanceStore.LoadAsync(id, None);
        Assert.Equal(2, updated!.Version);
        Assert.Equal("AMBER", (string?)updated.State.Variables["rag"]);
        Assert.Equal(2, updated.State.LastSequence);
    }

    [Fact]
    public async Task Loading_an_unknown_instance_gives_null()
    {
        Assert.Null(await InstanceStore.LoadAsync("nobody", None));
    }

    [Fact]
    public async Task The_state_round_trips_exactly()
    {
        var id = NewId();
        var state = State(id);
        state.Variables["nested"] = new System.Text.Json.Nodes.JsonObject { ["n"] = 1.5, ["s"] = "é\"x" };
        state.Activities["a3"] = new ActivityInstance("a3", "review", "userTask", null);
        state.Messages["m4"] = new MessageSubscription("m4", "approved", "wait-approval", "a3");
        state.Joins["join-1"] = ["f1", "f2"];
        state.Incidents["send"] = "SMTP refused";
        state.NextLocalId = 5;
        var commit = Started(state, new TimerSubscription("t2", "reminder", "a3", T0.AddDays(5), 3, TimeSpan.FromHours(24)));
        var expected = Serialization.InstanceStateJson.Serialize(state);
        await InstanceStore.CommitAsync(commit, None);

        var loaded = await InstanceStore.LoadAsync(id, None);
        Assert.Equal(expected, Serialization.InstanceStateJson.Serialize(loaded!.State));
    }

    [Fact]
    public async Task A_commit_that_read_an_older_version_is_a_conflict_and_changes_nothing()
    {
        var id = NewId();
        await InstanceStore.CommitAsync(Started(State(id)), None);
        var first = (await InstanceStore.LoadAsync(id, None))!;
        var second = (await InstanceStore.LoadAsync(id, None))!;

        await InstanceStore.CommitAsync(Next(first.State, first.Version, armed: [Timer("t9", T0)]), None);
        await ConflictAsync(Next(second.State, second.Version, armed: [Timer("t8", T0)],
            outbox: [new OutboxMessage($"{id}/e1", id, "notify", "{}", T0)]));

        Assert.Equal(2, (await InstanceStore.LoadAsync(id, None))!.Version);
        Assert.Equal(2, (await InstanceStore.ReadJournalAsync(id, None)).Count);
        var claimed = await TimerStore.ClaimDueAsync(T0, 10, "pump", TimeSpan.FromMinutes(1), None);
        Assert.Equal(["t9"], claimed.Select(t => t.TimerId));
        Assert.Empty(await OutboxStore.ClaimDueAsync(T0, 10, "dispatcher", TimeSpan.FromMinutes(1), None));
    }

    [Fact]
    public async Task Starting_an_instance_id_twice_is_a_conflict()
    {
        var id = NewId();
        await InstanceStore.CommitAsync(Started(State(id)), None);
        await ConflictAsync(Started(State(id)));
    }

    [Fact]
    public async Task Committing_to_an_instance_that_does_not_exist_is_a_conflict()
    {
        await ConflictAsync(Next(State(NewId()), 3));
    }

    [Fact]
    public async Task A_journal_sequence_can_be_written_only_once_per_instance()
    {
        var id = NewId();
        var state = State(id);
        await InstanceStore.CommitAsync(Started(state), None);

        // Right version, but a journal row that repeats sequence 1: the unique (instance_id, sequence) refuses it.
        var duplicate = new InstanceCommit(state, 1, [(await InstanceStore.ReadJournalAsync(id, None))[0]], [], [], []);
        await ConflictAsync(duplicate);
        Assert.Equal(1, (await InstanceStore.LoadAsync(id, None))!.Version);

        // Another instance may use the same sequence numbers.
        await InstanceStore.CommitAsync(Started(State(NewId())), None);
    }

    [Fact]
    public async Task The_journal_reads_back_in_sequence_order_exactly_as_written_and_its_chain_verifies()
    {
        var id = NewId();
        var state = State(id);
        var at = new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.FromHours(1)).AddTicks(1234567); // 100 ns precision, BST offset
        var written = Append(state, at, "InstanceStarted", "ActivityStarted", "TimerArmed");
        await InstanceStore.CommitAsync(new InstanceCommit(state, 0, written, [], [], []), None);
        var more = Append(state, at.AddDays(1), "TimerFired", "InstanceCompleted");
        await InstanceStore.CommitAsync(new InstanceCommit(state, 1, more, [], [], []), None);

        var read = await InstanceStore.ReadJournalAsync(id, None);
        Assert.Equal(written.Concat(more).ToList(), read);
        Assert.Equal([1L, 2, 3, 4, 5], read.Select(e => e.Sequence));
        Assert.Equal(at.UtcTicks, read[0].At.UtcTicks);
        var previous = JournalHasher.GenesisHash;
        foreach (var e in read)
        {
            Assert.Equal(previous, e.PreviousHash);
            Assert.Equal(JournalHasher.Hash(e), e.Hash);
            previous = e.Hash;
        }
    }

    [Fact]
    public async Task An_idempotency_key_belongs_to_the_first_instance_that_used_it()
    {
        var first = NewId();
        await InstanceStore.CommitAsync(Started(State(first)) with { IdempotencyKey = "req-1" }, None);
        await ConflictAsync(Started(State(NewId())) with { IdempotencyKey = "req-1" });

        Assert.Equal(first, await InstanceStore.FindByIdempotencyKeyAsync("req-1", None));
        Assert.Null(await InstanceStore.FindByIdempotencyKeyAsync("req-2", None));
        // Instances without a key don't collide with one another.
        await InstanceStore.CommitAsync(Started(State(NewId())), None);
        await InstanceStore.CommitAsync(Started(State(NewId())), None);
    }

    [Fact]
    public async Task Firing_a_timer_removes_it_and_a_second_firing_is_a_conflict()
    {
        var id = NewId();
        var state = State(id);
        await InstanceStore.CommitAsync(Started(state, Timer("t1", T0)), None);

        await InstanceStore.CommitAsync(Next(state, 1, "TimerFired", firedTimerId: "t1"), None);
        // Even at the right version, the row is gone: the timer was fired already.
        await ConflictAsync(Next(state, 2, "TimerFired", firedTimerId: "t1"));

        Assert.Equal(2, (await InstanceStore.LoadAsync(id, None))!.Version);
        Assert.Null(await TimerStore.NextDueAsync(None));
    }

    [Fact]
    public async Task Removed_timers_are_deleted_and_a_rearmed_timer_replaces_its_row()
    {
        var id = NewId();
        var state = State(id);
        await InstanceStore.CommitAsync(Started(state, Timer("t1", T0), Timer("t2", T0.AddHours(1))), None);

        await InstanceStore.CommitAsync(Next(state, 1, removed: ["t1"], armed: [Timer("t2", T0.AddHours(2))]), None);

        Assert.Equal(T0.AddHours(2), await TimerStore.NextDueAsync(None));
        var claimed = await TimerStore.ClaimDueAsync(T0.AddDays(1), 10, "pump", TimeSpan.FromMinutes(1), None);
        Assert.Equal([new DueTimer(id, "t2", T0.AddHours(2))], claimed);
    }

    [Fact]
    public async Task Instances_waiting_for_a_message_are_found_by_name_and_correlation_key()
    {
        var waiting = NewId();
        var state = State(waiting, correlationKey: "case-7");
        state.Messages["m2"] = new MessageSubscription("m2", "response-received", "wait-response", null);
        await InstanceStore.CommitAsync(Started(state), None);
        var other = State(NewId(), correlationKey: "case-8");
        other.Messages["m2"] = new MessageSubscription("m2", "response-received", "wait-response", null);
        await InstanceStore.CommitAsync(Started(other), None);

        Assert.Equal([waiting], await InstanceStore.FindWaitingForMessageAsync("response-received", "case-7", None));
        Assert.Empty(await InstanceStore.FindWaitingForMessageAsync("decision-made", "case-7", None));

        // The index follows the state: once the subscription is gone, so is the match.
        state.Messages.Clear();
        await InstanceStore.CommitAsync(Next(state, 1, "MessageUnsubscribed"), None);
        Assert.Empty(await InstanceStore.FindWaitingForMessageAsync("response-received", "case-7", None));
    }

    [Fact]
    public async Task An_ended_instance_waits_for_no_message()
    {
        var id = NewId();
        var state = State(id, correlationKey: "case-9");
        state.Messages["m2"] = new MessageSubscription("m2", "approved", "wait", null);
        await InstanceStore.CommitAsync(Started(state), None);

        state.Status = InstanceStatus.Cancelled;
        state.EndedAt = T0.AddHours(1);
        await InstanceStore.CommitAsync(Next(state, 1, "InstanceCancelled"), None);

        Assert.Empty(await InstanceStore.FindWaitingForMessageAsync("approved", "case-9", None));
        var summary = Assert.Single(await InstanceStore.QueryAsync(new InstanceQuery(CorrelationKey: "case-9"), None));
        Assert.Equal(InstanceStatus.Cancelled, summary.Status);
        Assert.Equal(T0.AddHours(1), summary.EndedAt);
    }

    [Fact]
    public async Task Instances_are_queried_by_definition_status_and_correlation_key_with_paging()
    {
        for (var i = 0; i < 5; i++)
        {
            var s = State(NewId(), correlationKey: $"c{i % 2}", definitionKey: i < 3 ? "stage-1" : "stage-2",
                definitionVersion: i == 0 ? 2 : 1);
            s.StartedAt = T0.AddMinutes(i);
            await InstanceStore.CommitAsync(Started(s), None);
        }

        Assert.Equal(3, (await InstanceStore.QueryAsync(new InstanceQuery(DefinitionKey: "stage-1"), None)).Count);
        Assert.Single(await InstanceStore.QueryAsync(new InstanceQuery(DefinitionKey: "stage-1", DefinitionVersion: 2), None));
        Assert.Equal(3, (await InstanceStore.QueryAsync(new InstanceQuery(CorrelationKey: "c0"), None)).Count);
        Assert.Empty(await InstanceStore.QueryAsync(new InstanceQuery(Status: InstanceStatus.Completed), None));

        var page = await InstanceStore.QueryAsync(new InstanceQuery(Skip: 1, Take: 2), None);
        // Newest first.
        Assert.Equal([T0.AddMinutes(3), T0.AddMinutes(2)], page.Select(p => p.StartedAt!.Value));
    }
}
