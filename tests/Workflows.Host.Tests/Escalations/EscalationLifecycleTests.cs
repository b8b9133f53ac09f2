using System.Net;
using Workflows.Host.Outbox;
using Workflows.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Workflows.Host.Tests.Escalations;

/// <summary>Whole escalations, start to Cafcass to resolution, over HTTP only, for two protocols.</summary>
[Collection(HostCollection.Name)]
public sealed class EscalationLifecycleTests(HostFixture fixture)
{
    private readonly WorkflowsApp app = fixture.App;

    [Theory]
    [InlineData("devon", "Stability of placement")]
    [InlineData("north-somerset", "Suitability of placement")]
    public async Task An_IRO_escalates_refers_to_Cafcass_and_resolves(string protocol, string category)
    {
        var caseSystem = app.As(Caller.CaseSystem);
        var iro = app.As(Caller.Iro);

        var started = await caseSystem.StartAsync(EscalationRequests.Start(protocol, category), "lifecycle-" + Guid.NewGuid());
        var id = started.Id();
        Assert.Equal("0", started.Stage());
        Assert.Equal("open", started.Status());
        Assert.NotEmpty(started["escalation"]!["deadlines"]!.AsArray());

        var responded = await caseSystem.PostAsync(id, "responses", new { response = "Nothing done yet.", respondedBy = "Social Worker" });
        Assert.Contains(responded.OpenTaskNodes(), n => n.StartsWith("IroDecision", StringComparison.Ordinal));

        var escalated = await iro.PostAsync(id, "decisions", new { decision = "escalate", rag = "RED", note = "No progress." });
        Assert.Equal("1", escalated.Stage());
        Assert.Equal("RED", escalated["escalation"]!["rag"]!.GetValue<string>());

        var referred = await iro.PostAsync(id, "cafcass-referral", new { reason = "Plan drift is harming the child.", independentLegalAdviceTaken = true });
        Assert.Equal("open", referred.Status());

        await caseSystem.PostAsync(id, "responses", new { response = "Plan updated and shared.", respondedBy = "Team Manager" });
        var resolved = await iro.PostAsync(id, "decisions", new { decision = "resolve" });
        Assert.Contains("RecordOutcome", resolved.OpenTaskNodes());

        var closed = await iro.PostAsync(id, "outcome", new
        {
            outcome = "Plan updated; placement confirmed.",
            impactOnLivedExperience = "She knows where she will live and is back at school.",
            learning = "Share updated plans within 10 working days.",
        });
        Assert.Equal("closed", closed.Status());
        Assert.Equal(["0", "1"], closed["escalation"]!["stagesReached"]!.AsArray().Select(s => s!["stage"]!.GetValue<string>()));

        // The history behind it: linked, intact, replayable — and what was done is in it.
        var history = closed["links"]!["history"]!.GetValue<string>();
        var journal = (await (await app.As(Caller.Auditor).GetAsync(history)).ExpectAsync(HttpStatusCode.OK)).AsArray();
        Assert.Contains(journal, r => r!["eventType"]!.GetValue<string>() == "MessageReceived" && r["event"]!.ToJsonString().Contains("cafcass-referral"));
        // A terminate end: closing ends the event sub-processes (Cafcass, themed concerns) still listening.
        Assert.Contains(journal.Last()!["eventType"]!.GetValue<string>(), new[] { "InstanceCompleted", "InstanceTerminated" });
        var verify = await (await app.As(Caller.Auditor).GetAsync(closed["links"]!["verify"]!.GetValue<string>())).ExpectAsync(HttpStatusCode.OK);
        Assert.True(verify["valid"]!.GetValue<bool>(), verify.ToJsonString());

        var fetched = await (await app.As(Caller.Auditor).GetAsync($"/api/escalations/{id}")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("closed", fetched.Status());

        // Side effects went out through the outbox: case-system callbacks signed, to this protocol's receiver.
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        while (await dispatcher.DispatchOnceAsync(CancellationToken.None) > 0) { }
        var instanceId = closed["escalation"]!["instanceId"]!.GetValue<string>();
        var hooks = app.Webhooks.Received.Where(h => h.Body.Contains(instanceId)).ToList();
        Assert.NotEmpty(hooks);
        Assert.All(hooks, h =>
        {
            Assert.Equal($"https://case-system.test/{protocol}/callbacks", h.Url.ToString());
            Assert.True(WebhookSignature.Verify(WorkflowsApp.WebhookSecret, h.Headers[WebhookSignature.TimestampHeader], h.Body,
                h.Headers[WebhookSignature.SignatureHeader]));
        });
        Assert.Contains(hooks, h => h.Headers[WebhookSignature.KindHeader] == "cafcass-referred");
        Assert.Contains(hooks, h => h.Headers[WebhookSignature.KindHeader] == "outcome-recorded");
    }
}
