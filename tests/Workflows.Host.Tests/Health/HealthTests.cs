using System.Net;
using System.Text.Json.Nodes;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Health;

[Collection(HostCollection.Name)]
public sealed class HealthTests(HostFixture fixture)
{
    [Fact]
    public async Task Live_answers_without_credentials()
    {
        var response = await fixture.App.Anonymous().GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ready_checks_the_database_and_answers_without_credentials()
    {
        var response = await fixture.App.Anonymous().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Healthy", body["status"]!.GetValue<string>());
        Assert.Equal("Healthy", body["checks"]!["database"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ready_is_unhealthy_when_the_database_is_unreachable()
    {
        await using var app = new WorkflowsApp(
            "Host=127.0.0.1;Port=1;Database=nowhere;Username=x;Password=y;Timeout=2",
            new Dictionary<string, string?> { ["Storage:MigrateOnStartup"] = "false", ["Storage:SeedProtocols"] = "false" });
        var response = await app.Anonymous().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var live = await app.Anonymous().GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}
