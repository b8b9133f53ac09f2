using System.Text.Json.Nodes;
using Workflows.Engine.Execution;
using Workflows.Engine.Journal;
using Workflows.Engine.Tests.Testing;

namespace Workflows.Engine.Tests.Journal;

public sealed class JournalTests
{
    /// <summary>A finished scenario with a journal of a dozen or so rows.</summary>
    private static async Task<(EngineHarness Harness, string InstanceId, IReadOnlyList<JournalEntry> Journal)> ScenarioAsync()
    {
        var h = new EngineHarness();
        var started = await h.StartFixtureAsync("Execution/parallel-gateway.bpmn", new { childRef = "C-9" });
        await h.CompleteAsync(started.InstanceId, "A", new { note = "seen" });
        await h.CompleteAsync(started.InstanceId, "B");
        await h.AssertJournalsReplayAsync();
        return (h, started.InstanceId, await h.Store.ReadJournalAsync(started.InstanceId, default));
    }

    [Fact]
    public async Task An_untouched_journal_verifies()
    {
        var (h, id, journal) = await ScenarioAsync();
        using var _ = h;
        Assert.Equal(VerificationResult.Valid, JournalVerifier.Verify(journal));
        Assert.Equal(Enumerable.Range(1, journal.Count).Select(i => (long)i), journal.Select(e => e.Sequence));
        Assert.Equal(JournalHasher.GenesisHash, journal[0].PreviousHash);
        Assert.True((await h.Runtime.VerifyAsync(id)).IsValid);
    }

    [Theory]
    [InlineData("payload")]
    [InlineData("actor")]
    [InlineData("time")]
    [InlineData("element")]
    [InlineData("type")]
    public async Task Tampering_with_one_row_is_detected_at_that_row(string field)
    {
        var (h, id, journal) = await ScenarioAsync();
        using var _ = h;
        var row = journal[5];
        var tampered = field switch
        {
            "payload" => row with { Payload = row.Payload.Replace("\"A\"", "\"B\"", StringComparison.Ordinal) },
            "actor" => row with { Actor = "someone-else" },
            "time" => row with { At = row.At.AddMinutes(-1) },
            "element" => row with { ElementId = "Elsewhere" },
            _ => row with { EventType = "ActivityCancelled" },
        };
        Assert.NotEqual(row, tampered);

        var result = JournalVerifier.Verify([.. journal.Take(5), tampered, .. journal.Skip(6)]);

        Assert.False(result.IsValid);
        Assert.Equal(row.Sequence, result.FailedAtSequence);
        Assert.Contains("does not match its hash", result.Reason);

        h.Store.ReplaceJournalEntry(tampered);
        Assert.Equal(row.Sequence, (await h.Runtime.VerifyAsync(id)).FailedAtSequence);
    }

    [Fact]
    public async Task A_tampered_row_whose_hash_was_recomputed_breaks_the_link_to_the_next_row()
    {
        var (h, _, journal) = await ScenarioAsync();
        using var __ = h;
        var row = journal[3] with { Actor = "forger" };
        row = row with { Hash = JournalHasher.Hash(row) };

        var result = JournalVerifier.Verify([.. journal.Take(3), row, .. journal.Skip(4)]);

        Assert.Equal(journal[4].Sequence, result.FailedAtSequence);
        Assert.Contains("does not link to row 4", result.Reason);
    }

    [Fact]
    public async Task A_deleted_row_is_detected()
    {
        var (h, id, journal) = await ScenarioAsync();
        using var _ = h;

        var middle = JournalVerifier.Verify([.. journal.Take(6), .. journal.Skip(7)]);
        Assert.Equal((false, 7L), (middle.IsValid, middle.FailedAtSequence!.Value));
        Assert.Contains("row 7 is missing", middle.Reason);

        // Without the last row the chain alone still holds; the stored state knows where it must end.
        var state = (await h.Runtime.GetAsync(id))!.State;
        var withoutLast = journal.Take(journal.Count - 1).ToList();
        Assert.True(JournalVerifier.Verify(withoutLast).IsValid);
        var tail = JournalVerifier.Verify(withoutLast, state);
        Assert.Equal(journal[^1].Sequence, tail.FailedAtSequence);
        Assert.Contains("last rows were removed", tail.Reason);

        h.Store.RemoveJournalEntry(id, journal[^1].Sequence);
        Assert.False((await h.Runtime.VerifyAsync(id)).IsValid);
    }

    [Fact]
    public async Task Replaying_a_prefix_of_the_journal_shows_the_instance_as_it_was_then()
    {
        var (h, _, journal) = await ScenarioAsync();
        using var _ = h;
        var firstTaskCompleted = journal.First(e => e.EventType == "UserTaskCompleted").Sequence;

        var before = JournalReplayer.Replay(journal.Where(e => e.Sequence < firstTaskCompleted));
        var after = JournalReplayer.Replay(journal);

        Assert.Equal(["A", "B"], EngineHarness.Active(before));
        Assert.False(before.Variables.ContainsKey("note"));
        Assert.Equal(InstanceStatus.Running, before.Status);
        Assert.Equal(firstTaskCompleted - 1, before.LastSequence);
        Assert.Equal(["After"], EngineHarness.Active(after));
        Assert.Equal("seen", after.Variables["note"]!.GetValue<string>());
    }

    [Fact]
    public async Task Payloads_are_camel_case_json_led_by_their_type_which_is_also_the_event_type_column()
    {
        var (h, _, journal) = await ScenarioAsync();
        using var _ = h;
        Assert.All(journal, e =>
        {
            Assert.StartsWith($"{{\"$type\":\"{e.EventType}\"", e.Payload);
            Assert.Equal(e.EventType, WorkflowEventSerializer.Deserialize(e.Payload).GetType().Name);
        });
        Assert.Contains("\"instanceId\":", journal[0].Payload);
        Assert.Contains("\"childRef\":\"C-9\"", journal[0].Payload);
    }

    [Fact]
    public void State_serialization_is_deterministic_and_round_trips_with_ordinal_ordering()
    {
        var state = new InstanceState();
        state.Apply(new InstanceStarted("i-1", "k", 1, null, new JsonObject { ["b"] = 1, ["a"] = "x" }), EngineHarness.T0);
        foreach (var id in new[] { "a9", "a10", "B1", "a2" })
            state.Apply(new ActivityStarted(id, "Node_" + id, "userTask", null, null), EngineHarness.T0);
        state.Apply(new JoinTokenArrived("/Join", "Join", "F_1"), EngineHarness.T0);

        var json = InstanceStateSerializer.Serialize(state);
        var copy = InstanceStateSerializer.Deserialize(json);

        Assert.Equal(json, InstanceStateSerializer.Serialize(copy));
        Assert.Equal(["B1", "a10", "a2", "a9"], copy.Activities.Keys); // ordinal, as in the live state
        Assert.Same(StringComparer.Ordinal, copy.Activities.Comparer);
        Assert.Contains("\"status\":\"Running\"", json);
        Assert.Equal(11, copy.NextLocalId);
    }
}
