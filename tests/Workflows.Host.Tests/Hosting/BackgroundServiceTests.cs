using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Engine.Runtime;
using Workflows.Host.Outbox;
using Workflows.Host.Tests.Escalations;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Hosting;

/// <summary>
/// The hosted loops themselves (the other tests switch them off and drive them by hand): the timer pump
/// sleeps until the next due instant on the app's clock and fires it; the dispatcher delivers on its own.
/// </summary>
public sealed class BackgroundServiceTests
{
    [Fact]
    public async Task The_hosted_timer_pump_and_outbox_dispatcher_work_on_their_own()
    {
        await using var app = await WorkflowsApp.CreateAsync("host_background", new Dictionary<string, string?>
        {
            ["Timers:Enabled"] = "true",
            ["Outbox:Enabled"] = "true",
            ["Outbox:PollInterval"] = "00:00:01",
        });
        var started = await app.As(Caller.CaseSystem).StartAsync(EscalationRequests.Start("devon", "Participation", rag: "RED"));
        var instanceId = started["escalation"]!["instanceId"]!.GetValue<string>();
        var firstDue = started["escalation"]!["deadlines"]!.AsArray().Min(d => d!["dueAt"]!.GetValue<DateTimeOffset>());

        // The dispatcher picks the start's side effects up by itself (advancing its poll clock).
        await Eventually(app, () => app.Webhooks.Received.Any(h => h.Body.Contains(instanceId)));
        Assert.All(app.Webhooks.Received.Where(h => h.Body.Contains(instanceId)), h =>
            Assert.True(WebhookSignature.Verify(WorkflowsApp.WebhookSecret, h.Headers[WebhookSignature.TimestampHeader], h.Body,
                h.Headers[WebhookSignature.SignatureHeader])));

        // The pump sleeps on the app's clock; moving the clock past the deadline wakes it and the timer fires.
        app.Time.SetUtcNow(firstDue.AddSeconds(1));
        await Eventually(app, async () =>
        {
            var journal = await (await app.As(Caller.Auditor).GetAsync($"/api/instances/{instanceId}/journal")).ExpectAsync(HttpStatusCode.OK);
            return journal.AsArray().Any(r => r!["eventType"]!.GetValue<string>() == "TimerFired");
        });
    }

    private static Task Eventually(WorkflowsApp app, Func<bool> condition) => Eventually(app, () => Task.FromResult(condition()));

    /// <summary>Polls for up to 10 s of real time, nudging the fake clock a second at a time so sleeping loops wake.</summary>
    private static async Task Eventually(WorkflowsApp app, Func<Task<bool>> condition)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await condition()) return;
            app.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }
        Assert.Fail("The condition was not met within 10 s.");
    }
}
