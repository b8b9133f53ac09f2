using System.Text.Json.Nodes;
using Workflows.Escalations.Escalating;

namespace Workflows.Escalations.Tests.Scenarios;

/// <summary>Drives one scenario through <see cref="EscalationService"/> and checks what it expects.</summary>
internal sealed class ScenarioRunner(EscalationHarness h, string protocol)
{
    private const string Actor = "scenario";
    private string? id;

    public async Task RunAsync(Scenario scenario)
    {
        var s = scenario.Start;
        var category = s.Category ?? h.Protocols.Find(protocol)!.Categories[0];
        var start = new StartEscalation(protocol, "CHILD-1", s.LegalStatus, s.RaiserRole, "reviewer-1", category, s.Rag,
            "The plan has drifted", "Delay to permanence", "Convene a planning meeting", "Team A", null, s.Rung,
            s.BypassReason, s.AgreedDate, s.ImmediateSafeguarding, s.SocialWorkerAsye);
        if (s.ExpectError is { } startError)
        {
            await ExpectErrorAsync(startError, () => h.Service.StartAsync(start, null, Actor, default), "start");
            return;
        }
        id = (await h.Service.StartAsync(start, null, Actor, default)).Id;

        for (var i = 0; i < scenario.Steps.Count; i++)
        {
            var step = scenario.Steps[i];
            if (step.At is { } at) await h.AdvanceToAsync(at);
            var where = $"step {i + 1} ({step.Do})";
            if (step.ExpectError is { } error) await ExpectErrorAsync(error, () => PerformAsync(step), where);
            else await PerformAsync(step);
            if (step.Check is { } check) await CheckAsync(check, where);
        }
        await CheckEndAsync(scenario.Expect);
    }

    private async Task<EscalationView?> PerformAsync(ScenarioStep step)
    {
        var svc = h.Service;
        switch (step.Do)
        {
            case "advance":
            case "expect":
                return null;
            case "respond":
                return await svc.RecordResponseAsync(id!, new RecordResponse("We will act", "recipient"), Actor, default);
            case "decide":
                return await svc.DecideAsync(id!, new IroDecision(step.Decision ?? "", step.ActionsDueAt, step.BypassTo,
                    step.BypassReason, step.Rag), Actor, default);
            case "gate":
                return await svc.ApproveGateAsync(id!, step.Gate ?? "", new GateApproval(step.Approved ?? true, "gatekeeper"), Actor, default);
            case "cafcass":
                return await svc.ReferToCafcassAsync(id!, new CafcassReferral("Plan not progressing", true), Actor, default);
            case "outcome":
                return await svc.RecordOutcomeAsync(id!, new EscalationOutcome("Plan agreed", "Child has a permanence plan",
                    "Earlier escalation"), Actor, default);
            case "themed":
                return await svc.RaiseThemedConcernAsync(id!, new ThemedConcern("Sufficiency", "No placements"), Actor, default);
            case "meeting-resolved":
                return await svc.RecordMeetingResolvedAsync(id!, "Resolved at the resolution meeting", Actor, default);
            case "safeguarding":
                return await svc.RaiseSafeguardingConcernAsync(id!, "Child at immediate risk", Actor, default);
            case "agree-timescale":
                return await svc.AgreeTimescaleAsync(id!, step.ActionsDueAt ?? throw new InvalidDataException("agree-timescale needs actionsDueAt (the agreed date)"), Actor, default);
            case "review-theme":
                return await svc.ReviewThemedConcernAsync(id!, "Reviewed by the QARSS Manager", Actor, default);
            case "task":
                var view = await ViewAsync();
                var open = view.OpenTasks.FirstOrDefault(t => t.NodeId == step.Name)
                           ?? throw new Xunit.Sdk.XunitException($"task '{step.Name}' is not open; open: {string.Join(", ", view.OpenTasks.Select(t => t.NodeId))}");
                await h.Runtime.CompleteUserTaskAsync(new Engine.Runtime.CompleteUserTask(view.InstanceId, open.TaskId, step.Payload, Actor), default);
                return null;
            case "message":
                var results = await h.Runtime.CorrelateMessageAsync(new Engine.Runtime.CorrelateMessage(
                    step.Name ?? "", id!, step.Payload, Actor), default);
                Assert.True(results.Count > 0, $"nothing waited for message '{step.Name}'");
                return null;
            default:
                throw new InvalidDataException($"Unknown step '{step.Do}'.");
        }
    }

    private static async Task ExpectErrorAsync(ScenarioError error, Func<Task> act, string where)
    {
        var e = await Assert.ThrowsAsync<EscalationException>(act);
        Assert.True(string.Equals(e.Kind.ToString(), error.Kind, StringComparison.OrdinalIgnoreCase),
            $"{where}: expected a {error.Kind} refusal, got {e.Kind}: {e.Message}");
        if (error.Contains is { } words)
            Assert.True((e.Message + " " + string.Join(" ", e.Errors.SelectMany(x => x.Value))).Contains(words, StringComparison.OrdinalIgnoreCase),
                $"{where}: the refusal should mention '{words}': {e.Message}");
    }

    private async Task<EscalationView> ViewAsync() => (await h.Service.GetAsync(id!, default))!;

    private async Task CheckAsync(ScenarioCheck check, string where)
    {
        var v = await ViewAsync();
        if (check.Stage is not null) Assert.True(check.Stage == v.CurrentStage, $"{where}: stage {v.CurrentStage}, expected {check.Stage}");
        if (check.Status is not null) Assert.True(check.Status == v.Status, $"{where}: status {v.Status}, expected {check.Status}");
        if (check.Rag is not null) Assert.True(check.Rag == v.Rag, $"{where}: RAG {v.Rag}, expected {check.Rag}");
        if (check.Overdue is { } overdue) Assert.True(overdue == v.Overdue, $"{where}: overdue {v.Overdue}, expected {overdue}");
        if (check.OpenTasks is not null)
            Assert.True(check.OpenTasks.Order().SequenceEqual(v.OpenTasks.Select(t => t.NodeId).Order()),
                $"{where}: open tasks [{string.Join(", ", v.OpenTasks.Select(t => t.NodeId))}], expected [{string.Join(", ", check.OpenTasks)}]");
        if (check.Notifications is not null)
            Assert.Equal(check.Notifications, h.Outbox.Where(o => o.Kind == "notification")
                .Select(o => Notification(JsonNode.Parse(o.Payload)!.AsObject())));
        foreach (var (node, due) in check.Deadlines ?? new Dictionary<string, DateTimeOffset>())
        {
            var armed = v.Deadlines.Where(d => d.NodeId == node).ToList();
            Assert.True(armed.Count > 0, $"{where}: no deadline '{node}' is armed; armed: {Describe(v.Deadlines)}");
            Assert.True(armed.Any(d => d.DueAt == due), $"{where}: deadline '{node}' is due {string.Join(", ", armed.Select(d => d.DueAt.ToString("O")))}, expected {due:O}");
        }
    }

    private async Task CheckEndAsync(ScenarioExpectation expect)
    {
        var v = await ViewAsync();
        Assert.True(expect.Status == v.Status, $"end: status {v.Status}, expected {expect.Status}");
        if (expect.Stage is not null) Assert.True(expect.Stage == v.CurrentStage, $"end: stage {v.CurrentStage}, expected {expect.Stage}");
        if (expect.Rungs is not null) Assert.Equal(expect.Rungs, v.StagesReached.Select(s => s.Stage));
        var effects = h.Outbox.Select(o => JsonNode.Parse(o.Payload)!.AsObject().Let(p => (o.Kind, Payload: p))).ToList();
        if (expect.Notifications is not null)
            Assert.Equal(expect.Notifications, effects.Where(e => e.Kind == "notification").Select(e => Notification(e.Payload)));
        if (expect.Requests is not null)
            Assert.Equal(expect.Requests, effects.Where(e => e.Kind is not ("notification" or "case-note" or "stage-entered"))
                .Select(e => Request(e.Kind, e.Payload)));
        foreach (var wanted in expect.Effects ?? [])
            Assert.True(effects.Any(e => e.Kind == wanted || $"{e.Kind}:{(string?)e.Payload["template"]}" == wanted),
                $"end: no side effect '{wanted}'; there were: {string.Join(", ", effects.Select(e => e.Kind).Distinct())}");
        foreach (var note in expect.CaseNotes ?? [])
            Assert.True(effects.Any(e => e.Kind == "case-note" && (string?)e.Payload["note"] == note),
                $"end: no case note '{note}'; there were: {string.Join(" | ", effects.Where(e => e.Kind == "case-note").Select(e => (string?)e.Payload["note"]))}");
        foreach (var (name, value) in expect.Variables ?? new Dictionary<string, JsonNode?>())
        {
            var state = (await h.Runtime.GetAsync(v.InstanceId, default))!.State;
            Assert.True(JsonNode.DeepEquals(value, state.Variables[name]),
                $"end: variable {name} = {state.Variables[name]?.ToJsonString() ?? "null"}, expected {value?.ToJsonString() ?? "null"}");
        }
        if (expect.OpenTasks is not null)
            Assert.Equal(expect.OpenTasks.Order(), v.OpenTasks.Select(t => t.NodeId).Order());
    }

    /// <summary><c>template → recipientRole [cc, cc]</c>: who was told what.</summary>
    internal static string Notification(JsonObject p)
    {
        var ccs = (p["ccRoles"] as JsonArray ?? []).Select(c => (string?)c).ToList();
        return $"{(string?)p["template"]} → {(string?)p["recipientRole"]}" + (ccs.Count > 0 ? $" [{string.Join(", ", ccs)}]" : "");
    }

    /// <summary><c>kind → recipientRole [cc, cc]</c> (<c>gate-requested:gateKey → …</c>): what was asked of whom.</summary>
    internal static string Request(string kind, JsonObject p)
    {
        var name = p["gate"] is JsonValue gate ? $"{kind}:{(string?)gate}" : kind;
        var recipient = (string?)p["recipientRole"];
        var ccs = (p["ccRoles"] as JsonArray ?? []).Select(c => (string?)c).ToList();
        return recipient is null ? name : $"{name} → {recipient}" + (ccs.Count > 0 ? $" [{string.Join(", ", ccs)}]" : "");
    }

    private static string Describe(IEnumerable<Deadline> deadlines) =>
        string.Join(", ", deadlines.Select(d => $"{d.NodeId}@{d.DueAt:O}"));
}

internal static class Functional
{
    public static TResult Let<T, TResult>(this T value, Func<T, TResult> f) => f(value);
}
