using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Engine.Runtime;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Escalations;

[Collection(HostCollection.Name)]
public sealed class EscalationApiTests(HostFixture fixture)
{
    private readonly WorkflowsApp app = fixture.App;

    [Fact]
    public async Task A_retried_start_with_the_same_idempotency_key_returns_the_same_escalation()
    {
        var caseSystem = app.As(Caller.CaseSystem);
        var request = EscalationRequests.Start("devon", "Participation");
        var key = "mosaic-" + Guid.NewGuid();

        var first = await caseSystem.StartAsync(request, key);
        var retry = await caseSystem.StartAsync(request, key);
        Assert.Equal(first.Id(), retry.Id());
        Assert.Equal(first["escalation"]!["instanceId"]!.GetValue<string>(), retry["escalation"]!["instanceId"]!.GetValue<string>());

        // Another caller's identical key is another escalation: keys are scoped to the caller.
        var other = await app.As(Caller.Iro).StartAsync(request, key);
        Assert.NotEqual(first.Id(), other.Id());
        // Without a key, every start is a new escalation.
        Assert.NotEqual((await caseSystem.StartAsync(request)).Id(), (await caseSystem.StartAsync(request)).Id());
    }

    [Fact]
    public async Task Concurrent_starts_with_one_key_make_one_escalation()
    {
        var caseSystem = app.As(Caller.CaseSystem);
        var request = EscalationRequests.Start("north-somerset", "Participation");
        var key = "race-" + Guid.NewGuid();
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => caseSystem.StartAsync(request, key)));
        Assert.Single(results.Select(r => r.Id()).Distinct());
    }

    [Fact]
    public async Task Two_concurrent_responses_one_wins_the_other_is_a_409_and_nothing_is_lost()
    {
        var started = await app.As(Caller.CaseSystem).StartAsync(EscalationRequests.Start("devon", "Participation"));
        var id = started.Id();

        var barrier = new Barrier(2);
        var responses = await Task.WhenAll(new[] { "first answer", "second answer" }.Select(text => Task.Run(async () =>
        {
            var client = app.As(Caller.CaseSystem);
            barrier.SignalAndWait();
            return await client.PostAsJsonAsync($"/api/escalations/{id}/responses", new { response = text, respondedBy = "Social Worker" });
        })));

        var statuses = responses.Select(r => r.StatusCode).OrderBy(s => s).ToList();
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], statuses);
        var refused = responses.Single(r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);

        var instanceId = started["escalation"]!["instanceId"]!.GetValue<string>();
        var journal = (await (await app.As(Caller.Auditor).GetAsync($"/api/instances/{instanceId}/journal")).ExpectAsync(HttpStatusCode.OK)).AsArray();
        var received = journal.Where(r => r!["eventType"]!.GetValue<string>() == "MessageReceived").ToList();
        Assert.Single(received);
        var instance = await (await app.As(Caller.Auditor).GetAsync($"/api/instances/{instanceId}")).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(instance["variables"]!["response"]!.GetValue<string>(), new[] { "first answer", "second answer" });
        Assert.Contains(instance["variables"]!["response"]!.GetValue<string>(), received[0]!["event"]!.ToJsonString());
        var verify = await (await app.As(Caller.Auditor).GetAsync($"/api/instances/{instanceId}/verify")).ExpectAsync(HttpStatusCode.OK);
        Assert.True(verify["valid"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Unknown_protocol_category_rung_and_rag_are_400s_that_list_what_is_allowed()
    {
        var caseSystem = app.As(Caller.CaseSystem);
        var protocol = await caseSystem.StartAsync(EscalationRequests.Start("atlantis", "Participation"), expected: HttpStatusCode.BadRequest);
        Assert.Contains("north-somerset", protocol["errors"]!["protocol"]![0]!.GetValue<string>());

        var bad = await caseSystem.StartAsync(EscalationRequests.Start("devon", "Vibes", rag: "PURPLE", startRung: 9),
            expected: HttpStatusCode.BadRequest);
        Assert.Contains("Stability of placement", bad["errors"]!["category"]![0]!.GetValue<string>());
        Assert.Contains("AMBER", bad["errors"]!["rag"]![0]!.GetValue<string>());
        Assert.NotNull(bad["errors"]!["startRung"]);

        var mismatch = await caseSystem.StartAsync(EscalationRequests.Start("devon", "Participation", raiserRole: "CP Chair"),
            expected: HttpStatusCode.BadRequest);
        Assert.NotNull(mismatch["errors"]!["raiserRole"]);

        var started = await caseSystem.StartAsync(EscalationRequests.Start("devon", "Participation"));
        var decision = await caseSystem.PostAsync(started.Id(), "decisions", new { decision = "shrug" }, HttpStatusCode.BadRequest);
        Assert.Contains("escalate", decision["errors"]!["decision"]![0]!.GetValue<string>());
        var bypass = await caseSystem.PostAsync(started.Id(), "decisions", new { decision = "bypass", bypassTo = 3 }, HttpStatusCode.BadRequest);
        Assert.NotNull(bypass["errors"]);
    }

    [Fact]
    public async Task Acting_out_of_turn_is_a_409_that_says_what_the_escalation_waits_for()
    {
        var caseSystem = app.As(Caller.CaseSystem);
        var started = await caseSystem.StartAsync(EscalationRequests.Start("devon", "Participation"));
        var problem = await caseSystem.PostAsync(started.Id(), "decisions", new { decision = "resolve" }, HttpStatusCode.Conflict);
        Assert.False(string.IsNullOrWhiteSpace(problem["detail"]!.GetValue<string>()));
        await caseSystem.PostAsync("esc-does-not-exist", "responses", new { response = "x", respondedBy = "y" }, HttpStatusCode.NotFound);
        await (await app.As(Caller.Auditor).GetAsync("/api/escalations/esc-does-not-exist")).ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_signed_in_reviewer_raises_only_in_their_own_capacity_and_a_CP_chair_cannot_refer_to_Cafcass()
    {
        await app.As(Caller.Iro).StartAsync(EscalationRequests.Start("devon", "Participation", raiserRole: "CP Chair",
            legalStatus: "child-protection-plan"), expected: HttpStatusCode.Forbidden);
        var byChair = await app.As(Caller.CpChair).StartAsync(EscalationRequests.Start("devon", "Participation", raiserRole: "CP Chair",
            legalStatus: "child-protection-plan"));
        await app.As(Caller.CpChair).PostAsync(byChair.Id(), "cafcass-referral", new { reason = "x" }, HttpStatusCode.Forbidden);
        // Even an IRO (or a case system) can't refer a child on a protection plan: it is not a child in care.
        await app.As(Caller.CaseSystem).PostAsync(byChair.Id(), "cafcass-referral", new { reason = "x" }, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_api_key_acts_only_for_its_own_authority()
    {
        var blackpool = app.WithApiKey(TestIdentities.BlackpoolKey);
        var own = await blackpool.StartAsync(EscalationRequests.Start("blackpool", "Statutory requirements have not been undertaken", rag: null));
        await blackpool.StartAsync(EscalationRequests.Start("devon", "Participation"), expected: HttpStatusCode.Forbidden);

        var devon = await app.As(Caller.CaseSystem).StartAsync(EscalationRequests.Start("devon", "Participation"));
        await (await blackpool.GetAsync($"/api/escalations/{devon.Id()}")).ExpectAsync(HttpStatusCode.NotFound);
        await blackpool.PostAsync(devon.Id(), "responses", new { response = "x", respondedBy = "y" }, HttpStatusCode.NotFound);
        await (await blackpool.GetAsync($"/api/escalations/{own.Id()}")).ExpectAsync(HttpStatusCode.OK);

        var list = await (await blackpool.GetAsync("/api/escalations?take=200")).ExpectAsync(HttpStatusCode.OK);
        Assert.All(list["items"]!.AsArray(), i => Assert.Equal("blackpool", i!["escalation"]!["protocol"]!.GetValue<string>()));
        await (await blackpool.GetAsync("/api/escalations?protocol=devon")).ExpectAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Stage_four_needs_both_approval_gates_in_North_Somerset()
    {
        var caseSystem = app.As(Caller.CaseSystem);
        var started = await caseSystem.StartAsync(EscalationRequests.Start("north-somerset", "Participation", startRung: 3));
        Assert.Equal("3", started.Stage());
        var id = started.Id();
        await caseSystem.PostAsync(id, "responses", new { response = "No.", respondedBy = "Assistant Director" });
        var asked = await app.As(Caller.Iro).PostAsync(id, "decisions", new { decision = "escalate" });
        Assert.Contains("Gate_QaTeamManager", asked.OpenTaskNodes());

        await app.As(Caller.Manager).PostAsync(id, "gates/qa-head-of-service-discussion/approval", new { approved = true }, HttpStatusCode.Conflict);
        await app.As(Caller.Manager).PostAsync(id, "gates/no-such-gate/approval", new { approved = true }, HttpStatusCode.NotFound);
        var first = await app.As(Caller.Manager).PostAsync(id, "gates/qa-team-manager-agreement/approval", new { approved = true, note = "Agreed." });
        Assert.Contains("Gate_QaHeadOfService", first.OpenTaskNodes());
        var second = await app.As(Caller.QaLead).PostAsync(id, "gates/qa-head-of-service-discussion/approval", new { approved = true });
        Assert.Equal("4", second.Stage());

        var instance = await (await app.As(Caller.Auditor).GetAsync(second["links"]!["instance"]!.GetValue<string>())).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Quinn QA", instance["variables"]!["gateDecidedBy"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_themed_concern_goes_to_review_in_Devon()
    {
        var caseSystem = app.As(Caller.CaseSystem);
        var started = await caseSystem.StartAsync(EscalationRequests.Start("devon", "Participation"));
        var raised = await app.As(Caller.Iro).PostAsync(started.Id(), "themed-concerns",
            new { theme = "Placement sufficiency", detail = "Third case this quarter." });
        Assert.Contains("ThemedConcernReview", raised.OpenTaskNodes());
        var reviewed = await app.As(Caller.Manager).PostAsync(started.Id(), "themed-concerns/review", new { review = "Pattern confirmed." });
        Assert.DoesNotContain("ThemedConcernReview", reviewed.OpenTaskNodes());
        await app.As(Caller.Auditor).PostAsync(started.Id(), "themed-concerns/review", new { review = "x" }, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task When_the_response_window_passes_the_timer_fires_and_the_tracker_shows_it()
    {
        var caseSystem = app.As(Caller.CaseSystem);
        var started = await caseSystem.StartAsync(EscalationRequests.Start("devon", "Participation", rag: "RED"));
        var id = started.Id();
        var deadlines = started["escalation"]!["deadlines"]!.AsArray();
        var firstDue = deadlines.Min(d => d!["dueAt"]!.GetValue<DateTimeOffset>());
        Assert.True(firstDue > app.Time.GetUtcNow());

        app.Time.SetUtcNow(firstDue.AddMinutes(1));
        var pump = app.Services.GetRequiredService<TimerPump>();
        await pump.RunOnceAsync(app.Time.GetUtcNow());

        var after = await (await app.As(Caller.Auditor).GetAsync($"/api/escalations/{id}")).ExpectAsync(HttpStatusCode.OK);
        var journal = (await (await app.As(Caller.Auditor).GetAsync(after["links"]!["history"]!.GetValue<string>())).ExpectAsync(HttpStatusCode.OK)).AsArray();
        Assert.Contains(journal, r => r!["eventType"]!.GetValue<string>() == "TimerFired");
        Assert.NotEqual(deadlines.ToJsonString(), after["escalation"]!["deadlines"]!.ToJsonString());
    }

    [Fact]
    public async Task The_tracker_filters_by_protocol_rung_rag_raiser_and_team_and_pages()
    {
        var caseSystem = app.As(Caller.CaseSystem);
        var team = "Team " + Guid.NewGuid().ToString("N")[..6];
        var ids = new List<string>();
        foreach (var rag in new[] { "GREEN", "RED", "RED" })
        {
            var request = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(
                EscalationRequests.Start("north-somerset", "Participation", rag: rag)))!.AsObject();
            request["team"] = team;
            ids.Add((await caseSystem.StartAsync(request)).Id());
        }
        var auditor = app.As(Caller.Auditor);
        var byTeam = await (await auditor.GetAsync($"/api/escalations?team={Uri.EscapeDataString(team)}")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(ids.Order(), byTeam["items"]!.AsArray().Select(i => i!["escalation"]!["id"]!.GetValue<string>()).Order());
        Assert.Equal(3, byTeam["total"]!.GetValue<int>());

        var red = await (await auditor.GetAsync($"/api/escalations?team={Uri.EscapeDataString(team)}&rag=red&protocol=north-somerset&rung=0")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, red["items"]!.AsArray().Count);
        var page = await (await auditor.GetAsync($"/api/escalations?team={Uri.EscapeDataString(team)}&take=2&skip=2")).ExpectAsync(HttpStatusCode.OK);
        Assert.Single(page["items"]!.AsArray());
        var notOverdue = await (await auditor.GetAsync($"/api/escalations?team={Uri.EscapeDataString(team)}&overdue=true")).ExpectAsync(HttpStatusCode.OK);
        Assert.Empty(notOverdue["items"]!.AsArray());
        var byIro = await (await auditor.GetAsync($"/api/escalations?team={Uri.EscapeDataString(team)}&raiser=IRO")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(3, byIro["items"]!.AsArray().Count);
        var byChair = await (await auditor.GetAsync($"/api/escalations?team={Uri.EscapeDataString(team)}&raiser={Uri.EscapeDataString("CP Chair")}")).ExpectAsync(HttpStatusCode.OK);
        Assert.Empty(byChair["items"]!.AsArray());
    }
}
