using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Engine.Runtime;
using Workflows.Host.Tests.Definitions;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Instances;

[Collection(HostCollection.Name)]
public sealed class InstancesApiTests(HostFixture fixture)
{
    private readonly WorkflowsApp app = fixture.App;

    private async Task<string> PublishReviewAsync()
    {
        var key = "inst-" + Guid.NewGuid().ToString("N")[..8];
        var qa = app.As(Caller.QaLead);
        await (await qa.PutAsync($"/api/workflows/{key}/draft", Fixtures.Xml(Fixtures.Bpmn("Definitions/review.bpmn")))).ExpectAsync(HttpStatusCode.OK);
        await (await qa.PostAsync($"/api/workflows/{key}/publish", null)).ExpectAsync(HttpStatusCode.OK);
        return key;
    }

    [Fact]
    public async Task An_instance_shows_its_open_tasks_armed_timers_and_variables()
    {
        var key = await PublishReviewAsync();
        var startedAt = app.Time.GetUtcNow();
        var id = await WorkflowsApiTests.StartAsync(app, key);

        var instance = await (await app.As(Caller.Auditor).GetAsync($"/api/instances/{id}")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("running", instance["status"]!.GetValue<string>());
        Assert.Equal(key, instance["definitionKey"]!.GetValue<string>());
        var task = instance["openUserTasks"]!.AsArray().Single()!;
        Assert.Equal("ReviewPlan", task["nodeId"]!.GetValue<string>());
        Assert.Equal("Review the plan", task["name"]!.GetValue<string>());
        Assert.Equal("reviewer", task["assigneeRole"]!.GetValue<string>());
        var timer = instance["timers"]!.AsArray().Single()!;
        Assert.Equal("Review window", timer["name"]!.GetValue<string>());
        Assert.Equal(startedAt.AddHours(24), timer["dueAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("CHILD-123", instance["variables"]!["childRef"]!.GetValue<string>());
    }

    [Fact]
    public async Task Tasks_are_listed_and_completed_then_a_message_ends_the_instance()
    {
        var key = await PublishReviewAsync();
        var correlation = "C-" + Guid.NewGuid().ToString("N")[..8];
        var id = await WorkflowsApiTests.StartAsync(app, key, correlation);

        var tasks = await (await app.As(Caller.Manager).GetAsync($"/api/tasks?instanceId={id}")).ExpectAsync(HttpStatusCode.OK);
        var taskId = tasks.AsArray().Single()!["taskId"]!.GetValue<string>();
        var across = await (await app.As(Caller.Manager).GetAsync($"/api/tasks?definitionKey={key}&assigneeRole=reviewer")).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(across.AsArray(), t => t!["instanceId"]!.GetValue<string>() == id);

        var completed = await (await app.As(Caller.Iro).PostAsync($"/api/tasks/{id}/{taskId}/complete",
            Fixtures.Json("""{ "reviewNote": "seen" }"""))).ExpectAsync(HttpStatusCode.OK);
        Assert.Empty(completed["openUserTasks"]!.AsArray());
        Assert.Empty(completed["timers"]!.AsArray());
        Assert.Equal("response", completed["awaitedMessages"]!.AsArray().Single()!["messageName"]!.GetValue<string>());

        var message = await (await app.As(Caller.CaseSystem).PostAsJsonAsync("/api/messages",
            new { name = "response", correlationKey = correlation, payload = new { respondedBy = "TM" } })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(id, message["correlatedInstanceIds"]!.AsArray().Single()!.GetValue<string>());

        var none = await (await app.As(Caller.CaseSystem).PostAsJsonAsync("/api/messages",
            new { name = "response", correlationKey = correlation })).ExpectAsync(HttpStatusCode.OK);
        Assert.Empty(none["correlatedInstanceIds"]!.AsArray());

        var ended = await (await app.As(Caller.Auditor).GetAsync($"/api/instances/{id}")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("completed", ended["status"]!.GetValue<string>());
        Assert.Equal("seen", ended["variables"]!["reviewNote"]!.GetValue<string>());
    }

    [Fact]
    public async Task Completing_a_task_that_is_not_open_is_a_404_problem()
    {
        var key = await PublishReviewAsync();
        var id = await WorkflowsApiTests.StartAsync(app, key);
        var response = await app.As(Caller.Iro).PostAsync($"/api/tasks/{id}/NoSuchTask/complete", Fixtures.Json("{}"));
        await response.ExpectAsync(HttpStatusCode.NotFound);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        await (await app.As(Caller.Iro).PostAsync($"/api/tasks/no-such-instance/ReviewPlan/complete", Fixtures.Json("{}")))
            .ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_due_timer_fires_once_when_the_clock_passes_it()
    {
        var key = await PublishReviewAsync();
        var id = await WorkflowsApiTests.StartAsync(app, key);
        var pump = app.Services.GetRequiredService<TimerPump>();

        app.Time.Advance(TimeSpan.FromHours(25));
        await pump.RunOnceAsync(app.Time.GetUtcNow());
        await pump.RunOnceAsync(app.Time.GetUtcNow());

        var instance = await (await app.As(Caller.Auditor).GetAsync($"/api/instances/{id}")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Chase", instance["openUserTasks"]!.AsArray().Single()!["nodeId"]!.GetValue<string>());
        var journal = await (await app.As(Caller.Auditor).GetAsync($"/api/instances/{id}/journal")).ExpectAsync(HttpStatusCode.OK);
        Assert.Single(journal.AsArray(), r => r!["eventType"]!.GetValue<string>() == "TimerFired");
    }

    [Fact]
    public async Task The_journal_is_a_hash_chain_that_verifies_and_replays_to_the_stored_state()
    {
        var key = await PublishReviewAsync();
        var id = await WorkflowsApiTests.StartAsync(app, key);
        var auditor = app.As(Caller.Auditor);

        var journal = (await (await auditor.GetAsync($"/api/instances/{id}/journal")).ExpectAsync(HttpStatusCode.OK)).AsArray();
        Assert.Equal(Enumerable.Range(1, journal.Count).Select(i => (long)i), journal.Select(r => r!["sequence"]!.GetValue<long>()));
        Assert.Equal("InstanceStarted", journal[0]!["eventType"]!.GetValue<string>());
        for (var i = 1; i < journal.Count; i++)
            Assert.Equal(journal[i - 1]!["hash"]!.GetValue<string>(), journal[i]!["previousHash"]!.GetValue<string>());

        var verified = await (await auditor.GetAsync($"/api/instances/{id}/verify")).ExpectAsync(HttpStatusCode.OK);
        Assert.True(verified["valid"]!.GetValue<bool>());
        Assert.True(verified["chainValid"]!.GetValue<bool>());
        Assert.True(verified["replayMatchesStoredState"]!.GetValue<bool>());
        Assert.Equal(journal.Count, verified["journalRows"]!.GetValue<int>());

        await (await auditor.GetAsync("/api/instances/no-such-instance/verify")).ExpectAsync(HttpStatusCode.NotFound);
        await (await auditor.GetAsync("/api/instances/no-such-instance/journal")).ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Instances_are_listed_by_key_version_and_status_with_paging()
    {
        var key = await PublishReviewAsync();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++) ids.Add(await WorkflowsApiTests.StartAsync(app, key));
        var auditor = app.As(Caller.Auditor);

        var page = await (await auditor.GetAsync($"/api/instances?definitionKey={key}&version=1&status=running&take=2")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, page["items"]!.AsArray().Count);
        Assert.True(page["hasMore"]!.GetValue<bool>());
        var rest = await (await auditor.GetAsync($"/api/instances?definitionKey={key}&skip=2&take=2")).ExpectAsync(HttpStatusCode.OK);
        Assert.Single(rest["items"]!.AsArray());
        Assert.False(rest["hasMore"]!.GetValue<bool>());
        Assert.Equal(ids.Order(), page["items"]!.AsArray().Concat(rest["items"]!.AsArray()).Select(i => i!["instanceId"]!.GetValue<string>()).Order());

        var completed = await (await auditor.GetAsync($"/api/instances?definitionKey={key}&status=completed")).ExpectAsync(HttpStatusCode.OK);
        Assert.Empty(completed["items"]!.AsArray());

        var bad = await (await auditor.GetAsync("/api/instances?status=sleeping&take=1000")).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("running", bad["errors"]!["status"]![0]!.GetValue<string>());
        Assert.NotNull(bad["errors"]!["take"]);
    }

    [Fact]
    public async Task An_admin_cancels_a_running_instance_with_a_reason()
    {
        var key = await PublishReviewAsync();
        var id = await WorkflowsApiTests.StartAsync(app, key);
        var cancelled = await (await app.As(Caller.Admin).PostAsJsonAsync($"/api/instances/{id}/cancel",
            new { reason = "Raised against the wrong child record" })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("cancelled", cancelled["status"]!.GetValue<string>());

        var again = await app.As(Caller.Admin).PostAsJsonAsync($"/api/instances/{id}/cancel", new { reason = "twice" });
        await again.ExpectAsync(HttpStatusCode.Conflict);
        var journal = await (await app.As(Caller.Auditor).GetAsync($"/api/instances/{id}/journal")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Ada Admin", journal.AsArray().Last()!["actor"]!.GetValue<string>());
    }
}
