using Workflows.Engine.Execution;
using Workflows.Engine.Journal;
using Workflows.Engine.Tests.Testing;
using Workflows.Engine.Runtime;

namespace Workflows.Engine.Tests.Execution;

public sealed partial class InterpreterTests
{
    [Fact]
    public async Task Service_task_and_throw_event_run_their_handlers_recording_variables_and_side_effects()
    {
        using var h = new EngineHarness();
        var started = await h.StartFixtureAsync("Execution/service-task.bpmn");
        var id = started.InstanceId;

        // The handlers' variables drove the gateway after them.
        Assert.Equal(["CheckDelivery"], EngineHarness.Active(started.State));
        Assert.Equal(1, started.State.Variables["notificationsSent"]!.GetValue<int>());
        Assert.Equal(1, started.State.Variables["stage"]!.GetValue<int>());

        var events = await h.EventsAsync(id);
        var performed = events.OfType<ActionPerformed>().ToList();
        Assert.Equal(["notify", "stage-entered"], performed.Select(p => p.Action));
        Assert.Equal(1, performed[0].Output!["notificationsSent"]!.GetValue<int>());
        var effects = events.OfType<SideEffectRequested>().ToList();
        Assert.Equal(["email", "stage-entered"], effects.Select(e => e.Kind));
        Assert.Equal("escalation-raised", effects[0].Payload["template"]!.GetValue<string>());

        // Each side effect is an outbox row, committed with the step, deduplicable by instance + effect id.
        Assert.Equal(effects.Select(e => WorkflowRuntime.OutboxId(id, e.EffectId)), h.Store.Outbox.Select(o => o.Id));
        Assert.All(h.Store.Outbox, o => Assert.Equal(id, o.InstanceId));
        Assert.Equal("email", h.Store.Outbox[0].Kind);
        await h.AssertJournalsReplayAsync();
    }

    [Fact]
    public async Task Action_handlers_get_the_node_with_its_extensions_and_a_copy_of_the_variables()
    {
        ActionContext? seen = null;
        using var h = new EngineHarness([
            new DelegateActionHandler("notify", c =>
            {
                seen = c;
                c.Variables["tampered"] = true; // a copy: ignored
                return ActionResult.None;
            }),
            Notify.Handler("stage-entered"),
        ]);
        var started = await h.StartFixtureAsync("Execution/service-task.bpmn", new { childRef = "C-1" });

        Assert.NotNull(seen);
        Assert.Equal("manager", seen.Node.Extensions["recipientRole"]);
        Assert.Equal(("service-task", 1, EngineHarness.CorrelationKey, "tester"), (seen.DefinitionKey, seen.DefinitionVersion, seen.CorrelationKey, seen.Actor));
        Assert.Equal(EngineHarness.T0, seen.Now);
        Assert.False(started.State.Variables.ContainsKey("tampered"));
        await h.AssertJournalsReplayAsync();
    }

    [Fact]
    public async Task Unknown_action_raises_an_incident_and_the_instance_stays_put()
    {
        using var h = new EngineHarness();
        var started = await h.StartFixtureAsync("Execution/unknown-action.bpmn");

        Assert.Equal(InstanceStatus.Running, started.State.Status);
        Assert.Equal(["SendFax"], EngineHarness.Active(started.State));
        Assert.Equal("No handler is registered for action 'fax'.", started.State.Incidents["SendFax"]);
        Assert.Empty(h.Store.Outbox);
        await h.AssertJournalsReplayAsync();
    }

    [Fact]
    public async Task A_handler_that_throws_raises_an_incident()
    {
        using var h = new EngineHarness([new DelegateActionHandler("notify", _ => throw new InvalidOperationException("template missing"))]);
        var started = await h.StartFixtureAsync("Execution/service-task.bpmn");

        Assert.Equal(["NotifyManager"], EngineHarness.Active(started.State));
        Assert.Equal("Action 'notify' failed: template missing", started.State.Incidents["NotifyManager"]);
        await h.AssertJournalsReplayAsync();
    }
}
