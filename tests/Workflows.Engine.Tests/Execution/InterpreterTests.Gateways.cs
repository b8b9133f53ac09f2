using Workflows.Engine.Execution;
using Workflows.Engine.Journal;
using Workflows.Engine.Tests.Testing;

namespace Workflows.Engine.Tests.Execution;

public sealed partial class InterpreterTests
{
    [Theory]
    [InlineData(500, new string[0], "silver", "High")]      // both conditions hold: the first in document order wins
    [InlineData(50, new string[0], "gold", "Low")]
    [InlineData(5, new[] { "urgent" }, "silver", "High")]   // a condition over an array variable
    [InlineData(50, new string[0], "silver", "Default")]    // no condition holds: the default flow
    public async Task Exclusive_gateway_takes_the_first_true_condition_in_document_order_else_the_default(
        int amount, string[] tags, string tier, string expected)
    {
        using var h = new EngineHarness();
        var started = await h.StartFixtureAsync("Execution/exclusive-gateway.bpmn",
            new { amount, tags, customer = new { tier } });

        Assert.Equal([expected], EngineHarness.Active(started.State));
        var taken = (await h.EventsAsync(started.InstanceId)).OfType<ActivityStarted>().Single(a => a.NodeId == expected);
        Assert.Equal($"F_{expected.ToLowerInvariant()}", taken.ViaFlowId);
        await h.AssertJournalsReplayAsync();
    }

    [Fact]
    public async Task Exclusive_gateway_without_a_true_condition_or_default_raises_an_incident_and_stays()
    {
        using var h = new EngineHarness();
        var started = await h.StartFixtureAsync("Execution/exclusive-gateway-without-default.bpmn", new { decision = "maybe" });

        Assert.Equal(["Route"], EngineHarness.Active(started.State));
        Assert.Contains("no default flow", started.State.Incidents["Route"]);
        Assert.Equal(InstanceStatus.Running, started.State.Status);
        await h.AssertJournalsReplayAsync();
    }

    [Fact]
    public async Task A_condition_that_throws_raises_an_incident_rather_than_an_exception()
    {
        using var h = new EngineHarness();
        var started = await h.StartFixtureAsync("Execution/exclusive-gateway-without-default.bpmn"); // no 'decision' variable

        var incident = Assert.Single((await h.EventsAsync(started.InstanceId)).OfType<IncidentRaised>());
        Assert.Equal("Route", incident.NodeId);
        Assert.Contains("F_yes", incident.Reason);
        Assert.Contains("decision is not defined", incident.Reason);
        await h.AssertJournalsReplayAsync();
    }

    [Fact]
    public async Task Parallel_gateway_forks_to_every_flow_and_joins_when_every_incoming_flow_has_delivered()
    {
        using var h = new EngineHarness();
        var started = await h.StartFixtureAsync("Execution/parallel-gateway.bpmn");
        var id = started.InstanceId;
        Assert.Equal(["A", "B"], EngineHarness.Active(started.State));

        var afterA = await h.CompleteAsync(id, "A");
        Assert.Equal(["B"], EngineHarness.Active(afterA.State));
        Assert.Equal(["F_a_join"], afterA.State.Joins.Single().Value);

        var afterB = await h.CompleteAsync(id, "B");
        Assert.Equal(["After"], EngineHarness.Active(afterB.State));
        Assert.Empty(afterB.State.Joins);
        Assert.Single((await h.EventsAsync(id)).OfType<JoinFired>());

        var done = await h.CompleteAsync(id, "After");
        Assert.Equal(InstanceStatus.Completed, done.State.Status);
        await h.AssertJournalsReplayAsync();
    }

    [Fact]
    public async Task Parallel_join_waits_per_scope_when_two_instances_of_a_sub_process_run_at_once()
    {
        using var h = new EngineHarness();
        var started = await h.StartFixtureAsync("Execution/parallel-join-per-scope.bpmn");
        var id = started.InstanceId;
        var reviews = started.State.Activities.Values.Where(a => a.NodeId == "Review").Select(a => a.Id).ToList();
        Assert.Equal(2, reviews.Count);
        string TaskIn(InstanceState s, string scope, string node) =>
            s.Activities.Values.Single(a => a.ScopeId == scope && a.NodeId == node).Id;

        // Read done in both reviews, Sign in neither: two joins each hold one token, neither fires.
        await h.CompleteAsync(id, TaskIn(started.State, reviews[0], "Read"));
        var state = (await h.CompleteAsync(id, TaskIn(started.State, reviews[1], "Read"))).State;
        Assert.Equal(2, state.Joins.Count);
        Assert.Equal(2, state.Activities.Values.Count(a => a.NodeId == "Review"));

        state = (await h.CompleteAsync(id, TaskIn(state, reviews[0], "Sign"))).State;
        Assert.Equal(["Review", "Sign", "Reviewed"], EngineHarness.Active(state));
        Assert.Single(state.Joins);

        state = (await h.CompleteAsync(id, TaskIn(state, reviews[1], "Sign"))).State;
        Assert.Equal(["Reviewed", "Reviewed"], EngineHarness.Active(state));
        await h.AssertJournalsReplayAsync();
    }

    [Fact]
    public async Task Inclusive_gateway_forks_to_every_true_condition_and_joins_when_no_other_token_can_arrive()
    {
        using var h = new EngineHarness();
        var started = await h.StartFixtureAsync("Execution/inclusive-gateway.bpmn", new { notify = new[] { "a", "b" } });
        var id = started.InstanceId;
        Assert.Equal(["A", "B"], EngineHarness.Active(started.State));

        // B can still reach the join, so it waits.
        var afterA = await h.CompleteAsync(id, "A");
        Assert.Equal(["B"], EngineHarness.Active(afterA.State));
        Assert.Empty((await h.EventsAsync(id)).OfType<JoinFired>());

        var afterB = await h.CompleteAsync(id, "B");
        Assert.Equal(["After"], EngineHarness.Active(afterB.State));
        var fired = Assert.Single((await h.EventsAsync(id)).OfType<JoinFired>());
        Assert.Equal(["F_a_join", "F_b_join"], fired.ConsumedFlowIds);
        await h.AssertJournalsReplayAsync();
    }

    [Fact]
    public async Task Inclusive_join_after_a_partial_fork_fires_on_the_only_branch_taken()
    {
        using var h = new EngineHarness();
        var started = await h.StartFixtureAsync("Execution/inclusive-gateway.bpmn", new { notify = new[] { "c" } });
        Assert.Equal(["C"], EngineHarness.Active(started.State));

        var afterC = await h.CompleteAsync(started.InstanceId, "C");
        Assert.Equal(["After"], EngineHarness.Active(afterC.State));
        await h.AssertJournalsReplayAsync();
    }

    [Fact]
    public async Task Inclusive_gateway_takes_the_default_flow_when_no_condition_holds()
    {
        using var h = new EngineHarness();
        var started = await h.StartFixtureAsync("Execution/inclusive-gateway.bpmn", new { notify = Array.Empty<string>() });
        Assert.Equal(["D"], EngineHarness.Active(started.State));
        Assert.Equal(["After"], EngineHarness.Active((await h.CompleteAsync(started.InstanceId, "D")).State));
        await h.AssertJournalsReplayAsync();
    }

    [Fact]
    public async Task Event_based_gateway_message_wins_and_the_timer_is_withdrawn()
    {
        using var h = new EngineHarness();
        var started = await h.StartFixtureAsync("Execution/event-based-gateway.bpmn");
        Assert.Single(started.State.Timers);
        Assert.Single(started.State.Messages);
        Assert.Single(h.Store.Timers);

        var result = Assert.Single(await h.CorrelateAsync("reply", new { reply = "agreed" }));
        Assert.Equal(["ReadReply"], EngineHarness.Active(result.State));
        Assert.Empty(result.State.Timers);
        Assert.Empty(result.State.Messages);
        Assert.Empty(h.Store.Timers);
        Assert.Equal("agreed", result.State.Variables["reply"]!.GetValue<string>());
        Assert.Single((await h.EventsAsync(started.InstanceId)).OfType<TimerDisarmed>());

        await h.AdvanceAsync(TimeSpan.FromHours(49));
        Assert.Equal(["ReadReply"], await h.ActiveAsync(started.InstanceId));
        await h.AssertJournalsReplayAsync();
    }

    [Fact]
    public async Task Event_based_gateway_timer_wins_and_the_message_subscription_is_withdrawn()
    {
        using var h = new EngineHarness();
        var started = await h.StartFixtureAsync("Execution/event-based-gateway.bpmn");

        await h.AdvanceAsync(TimeSpan.FromHours(47));
        Assert.Equal(["WaitFirst"], await h.ActiveAsync(started.InstanceId));
        await h.AdvanceAsync(TimeSpan.FromHours(1));

        var state = await h.StateAsync(started.InstanceId);
        Assert.Equal(["Chase"], EngineHarness.Active(state));
        Assert.Empty(state.Messages);
        Assert.Empty(await h.CorrelateAsync("reply"));
        Assert.Single((await h.EventsAsync(started.InstanceId)).OfType<MessageUnsubscribed>());
        await h.AssertJournalsReplayAsync();
    }
}
