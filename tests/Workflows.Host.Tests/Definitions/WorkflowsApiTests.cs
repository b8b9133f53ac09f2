using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Engine.Runtime;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Definitions;

[Collection(HostCollection.Name)]
public sealed class WorkflowsApiTests(HostFixture fixture)
{
    private readonly WorkflowsApp app = fixture.App;
    private static readonly string Review = Fixtures.Bpmn("Definitions/review.bpmn");
    private static readonly string Unsupported = Fixtures.Bpmn("Definitions/unsupported.bpmn");

    private static string NewKey() => "review-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task A_saved_draft_is_read_back_as_xml()
    {
        var key = NewKey();
        var qa = app.As(Caller.QaLead);
        await (await qa.GetAsync($"/api/workflows/{key}/draft")).ExpectAsync(HttpStatusCode.NotFound);

        var saved = await (await qa.PutAsync($"/api/workflows/{key}/draft", Fixtures.Xml(Review, "text/xml"))).ExpectAsync(HttpStatusCode.OK);
        Assert.True(saved["valid"]!.GetValue<bool>());

        var draft = await qa.GetAsync($"/api/workflows/{key}/draft");
        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        Assert.Equal("application/xml", draft.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Review, await draft.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Missing_draft_is_a_404_problem()
    {
        var response = await app.As(Caller.Auditor).GetAsync($"/api/workflows/{NewKey()}/draft");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Validate_lists_each_error_with_element_id_and_type()
    {
        var qa = app.As(Caller.QaLead);
        var ok = await (await qa.PostAsync($"/api/workflows/{NewKey()}/validate", Fixtures.Xml(Review))).ExpectAsync(HttpStatusCode.OK);
        Assert.True(ok["valid"]!.GetValue<bool>());
        Assert.Empty(ok["errors"]!.AsArray());

        var bad = await (await qa.PostAsync($"/api/workflows/{NewKey()}/validate", Fixtures.Xml(Unsupported))).ExpectAsync(HttpStatusCode.OK);
        Assert.False(bad["valid"]!.GetValue<bool>());
        var error = bad["errors"]!.AsArray().Single(e => e!["elementId"]?.GetValue<string>() == "RunScript")!;
        Assert.Equal("scriptTask", error["elementType"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(error["message"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Publish_is_refused_with_422_while_the_draft_has_errors()
    {
        var key = NewKey();
        var qa = app.As(Caller.QaLead);
        await (await qa.PutAsync($"/api/workflows/{key}/draft", Fixtures.Xml(Unsupported))).ExpectAsync(HttpStatusCode.OK);

        var response = await qa.PostAsync($"/api/workflows/{key}/publish", null);
        var problem = await response.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(problem["errors"]!.AsArray(), e => e!["elementId"]?.GetValue<string>() == "RunScript");

        var list = await (await qa.GetAsync("/api/workflows")).ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(list.AsArray(), w => w!["key"]!.GetValue<string>() == key);
    }

    [Fact]
    public async Task Publish_without_a_draft_is_a_404_problem()
    {
        await (await app.As(Caller.Admin).PostAsync($"/api/workflows/{NewKey()}/publish", null)).ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Publishing_adds_versions_and_running_instances_stay_pinned_to_theirs()
    {
        var key = NewKey();
        var qa = app.As(Caller.QaLead);
        await (await qa.PutAsync($"/api/workflows/{key}/draft", Fixtures.Xml(Review))).ExpectAsync(HttpStatusCode.OK);
        var v1 = await (await qa.PostAsync($"/api/workflows/{key}/publish", null)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(key, v1["key"]!.GetValue<string>());
        Assert.Equal(1, v1["version"]!.GetValue<int>());

        // Publishing the same content again adds nothing.
        var again = await (await qa.PostAsync($"/api/workflows/{key}/publish", null)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1, again["version"]!.GetValue<int>());

        var started = await StartAsync(key);

        var changed = Review.Replace("PT24H", "PT48H").Replace("Review of a plan", "Review of a plan (48 h)");
        await (await qa.PutAsync($"/api/workflows/{key}/draft", Fixtures.Xml(changed))).ExpectAsync(HttpStatusCode.OK);
        var v2 = await (await qa.PostAsync($"/api/workflows/{key}/publish", null)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, v2["version"]!.GetValue<int>());

        var auditor = app.As(Caller.Auditor);
        var instance = await (await auditor.GetAsync($"/api/instances/{started}")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1, instance["definitionVersion"]!.GetValue<int>());
        var later = await StartAsync(key);
        var laterInstance = await (await auditor.GetAsync($"/api/instances/{later}")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, laterInstance["definitionVersion"]!.GetValue<int>());

        var list = await (await auditor.GetAsync("/api/workflows")).ExpectAsync(HttpStatusCode.OK);
        var entry = list.AsArray().Single(w => w!["key"]!.GetValue<string>() == key)!;
        Assert.Equal("Review of a plan (48 h)", entry["name"]!.GetValue<string>());
        // The saved draft is exactly version 2 now: nothing is left unpublished.
        Assert.False(entry["hasDraft"]!.GetValue<bool>());
        var versions = entry["versions"]!.AsArray();
        Assert.Equal([1, 2], versions.Select(v => v!["version"]!.GetValue<int>()));
        Assert.All(versions, v =>
        {
            Assert.True(v!["published"]!.GetValue<bool>());
            Assert.Equal(64, v["contentHash"]!.GetValue<string>().Length);
            Assert.NotNull(v["createdAt"]);
            Assert.Equal(1, v["runningInstances"]!.GetValue<int>());
        });

        var xml1 = await auditor.GetAsync($"/api/workflows/{key}/versions/1/xml");
        Assert.Equal(Review, await xml1.Content.ReadAsStringAsync());
        var xml2 = await auditor.GetAsync($"/api/workflows/{key}/versions/2/xml");
        Assert.Equal(changed, await xml2.Content.ReadAsStringAsync());
        await (await auditor.GetAsync($"/api/workflows/{key}/versions/3/xml")).ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_draft_that_is_not_xml_is_refused_and_a_bad_key_names_the_pattern()
    {
        var qa = app.As(Caller.QaLead);
        var notXml = await (await qa.PutAsync($"/api/workflows/{NewKey()}/draft", Fixtures.Xml("<bpmn:definitions"))).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(notXml["errors"]!["body"]);
        var badKey = await (await qa.PutAsync("/api/workflows/Bad_Key!/draft", Fixtures.Xml(Review))).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(badKey["errors"]!["key"]);
    }

    public static readonly string[] ShippedProtocols = ["blackpool", "devon", "lcs-authority", "north-somerset", "northamptonshire"];

    [Fact]
    public async Task The_shipped_protocols_are_published_as_version_1_on_first_start()
    {
        var list = await (await app.As(Caller.Auditor).GetAsync("/api/workflows")).ExpectAsync(HttpStatusCode.OK);
        foreach (var key in ShippedProtocols)
        {
            var entry = list.AsArray().SingleOrDefault(w => w!["key"]!.GetValue<string>() == key);
            Assert.True(entry is not null, $"{key} was not seeded");
            Assert.Equal(1, entry!["versions"]![0]!["version"]!.GetValue<int>());
        }
        Assert.Contains(app.Logs.Events, e => e.RenderMessage().Contains("Seeding version 1"));
    }

    [Fact]
    public async Task Settings_give_the_designer_roles_templates_and_gates()
    {
        var settings = await (await app.As(Caller.QaLead).GetAsync("/api/workflows/north-somerset/settings")).ExpectAsync(HttpStatusCode.OK);
        Assert.NotNull(settings["roles"]!["teamManager"]);
        Assert.Contains(settings["templates"]!.AsArray(), t => t!.GetValue<string>() == "gate-requested");
        Assert.NotNull(settings["gates"]!["qa-team-manager-agreement"]);
        await (await app.As(Caller.QaLead).GetAsync($"/api/workflows/{NewKey()}/settings")).ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Validation_checks_esc_attributes_against_the_protocol_settings()
    {
        var qa = app.As(Caller.QaLead);
        var shipped = await (await qa.GetAsync("/api/workflows/north-somerset/versions/1/xml")).Content.ReadAsStringAsync();
        var ok = await (await qa.PostAsync("/api/workflows/north-somerset/validate", Fixtures.Xml(shipped))).ExpectAsync(HttpStatusCode.OK);
        Assert.True(ok["valid"]!.GetValue<bool>(), ok.ToJsonString());

        var index = shipped.IndexOf("esc:recipientRole=\"", StringComparison.Ordinal);
        var end = shipped.IndexOf('"', index + 19);
        var broken = shipped[..(index + 19)] + "nobodyInParticular" + shipped[end..];
        var bad = await (await qa.PostAsync("/api/workflows/north-somerset/validate", Fixtures.Xml(broken))).ExpectAsync(HttpStatusCode.OK);
        Assert.False(bad["valid"]!.GetValue<bool>());
        var error = bad["errors"]!.AsArray().Single()!;
        Assert.Contains("nobodyInParticular", error["message"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(error["elementId"]!.GetValue<string>()));
        Assert.NotEqual("definitions", error["elementType"]!.GetValue<string>());

        // The same document under a key without settings is only checked by the engine.
        var elsewhere = await (await qa.PostAsync($"/api/workflows/{NewKey()}/validate", Fixtures.Xml(broken))).ExpectAsync(HttpStatusCode.OK);
        Assert.True(elsewhere["valid"]!.GetValue<bool>());
    }

    /// <summary>Starts an instance of the latest published version (there is no generic start endpoint: escalations start over /api/escalations).</summary>
    internal static async Task<string> StartAsync(WorkflowsApp app, string key, string? correlationKey = null)
    {
        var runtime = app.Services.GetRequiredService<WorkflowRuntime>();
        var result = await runtime.StartAsync(new StartInstance(key, null, correlationKey ?? "C-" + Guid.NewGuid().ToString("N")[..8],
            new JsonObject { ["childRef"] = "CHILD-123", ["summary"] = "Plan not reviewed" }, null, "test"));
        return result.InstanceId;
    }

    private Task<string> StartAsync(string key) => StartAsync(app, key);
}
