using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Logging;

/// <summary>Nothing that identifies a child reaches a log line, however it is logged.</summary>
[Collection(HostCollection.Name)]
public sealed class LogRedactionTests(HostFixture fixture)
{
    private readonly WorkflowsApp app = fixture.App;

    private sealed record StartRequest(string Protocol, string ChildRef, string Summary, Details Details);

    private sealed record Details(string DateOfBirth, string ImpactOnChild, string Team);

    [Fact]
    public void Sensitive_properties_are_redacted_in_templates_scopes_destructured_objects_and_json()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var logger = app.Services.GetRequiredService<ILogger<LogRedactionTests>>();
        using (logger.BeginScope(new Dictionary<string, object> { ["childName"] = "Jo Bloggs " + marker, ["team"] = "Team " + marker }))
        {
            logger.LogInformation("Escalation raised for {ChildRef} about {Summary} (marker {Marker})", "CHILD-4242", "Placement breakdown", marker);
            logger.LogInformation("Start request {@Request} (marker {Marker})",
                new StartRequest("devon", "CHILD-4242", "Placement breakdown",
                    new Details("2015-04-01", "Missed school for a month", "Team " + marker)), marker);
            logger.LogInformation("Variables {@Variables} (marker {Marker})", new JsonObject
            {
                ["childRef"] = "CHILD-4242",
                ["rag"] = "RED",
                ["contacts"] = new JsonObject { ["socialWorker"] = new JsonObject { ["name"] = "Sam Worker" } },
                ["nested"] = new JsonObject { ["impactOnChild"] = "Missed school for a month" },
            }, marker);
        }

        var lines = app.Logs.Rendered().Where(l => l.Contains(marker)).ToList();
        Assert.Equal(3, lines.Count);
        foreach (var line in lines)
        {
            Assert.DoesNotContain("CHILD-4242", line);
            Assert.DoesNotContain("Placement breakdown", line);
            Assert.DoesNotContain("Jo Bloggs", line);
            Assert.DoesNotContain("2015-04-01", line);
            Assert.DoesNotContain("Missed school", line);
            Assert.DoesNotContain("Sam Worker", line);
            Assert.Contains("[redacted]", line);
            Assert.Contains("Team " + marker, line); // not everything is hidden: only what identifies the child
        }
        Assert.Contains(lines, l => l.Contains("RED"));
    }

    [Fact]
    public async Task Request_bodies_never_reach_the_log()
    {
        var secret = "SECRET-" + Guid.NewGuid().ToString("N")[..8];
        await app.As(Caller.CaseSystem).PostAsJsonAsync("/api/messages", new
        {
            name = "response", correlationKey = "nobody-waits-" + secret,
            payload = new { childRef = secret, response = secret, anything = secret },
        });
        await app.As(Caller.CaseSystem).PostAsync("/api/messages", Fixtures.Json("{\"broken\": \"" + secret));

        // The request log line is written as the response completes, which can be just after the client has it.
        for (var i = 0; i < 50 && !app.Logs.Events.Any(e => e.RenderMessage().Contains("/api/messages")); i++) await Task.Delay(20);
        Assert.Contains(app.Logs.Events, e => e.RenderMessage().Contains("/api/messages"));
        Assert.DoesNotContain(app.Logs.Rendered(), l => l.Contains(secret));
    }
}
