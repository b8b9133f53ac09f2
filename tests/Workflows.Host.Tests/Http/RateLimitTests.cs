using System.Net;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Http;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Past_the_window_limit_a_caller_gets_429_while_other_callers_and_health_carry_on()
    {
        await using var app = await WorkflowsApp.CreateAsync("host_ratelimit", new Dictionary<string, string?>
        {
            ["Limits:PermitsPerWindow"] = "3",
            ["Limits:WindowSeconds"] = "600",
            ["Storage:SeedProtocols"] = "false",
        });
        var caseSystem = app.As(Caller.CaseSystem);
        for (var i = 0; i < 3; i++) await (await caseSystem.GetAsync("/api/me")).ExpectAsync(HttpStatusCode.OK);

        var refused = await caseSystem.GetAsync("/api/me");
        var problem = await refused.ExpectAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(429, problem["status"]!.GetValue<int>());
        Assert.True(refused.Headers.RetryAfter is not null);

        await (await app.As(Caller.Auditor).GetAsync("/api/me")).ExpectAsync(HttpStatusCode.OK);
        for (var i = 0; i < 5; i++) await (await caseSystem.GetAsync("/health/live")).ExpectAsync(HttpStatusCode.OK);
    }
}
