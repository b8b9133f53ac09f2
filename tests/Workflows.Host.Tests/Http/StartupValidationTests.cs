using Microsoft.Extensions.Options;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Http;

/// <summary>Bad configuration stops the host at start-up, naming each bad key, rather than failing a request later.</summary>
public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("Auth:ApiKeys:0:KeyHash", "not-a-sha256", "Auth:ApiKeys:0:KeyHash")]
    [InlineData("Auth:Jwt:SigningKey", "short", "Auth:Jwt:SigningKey")]
    [InlineData("CaseSystems:devon:WebhookUrl", "not a url", "CaseSystems:devon:WebhookUrl")]
    [InlineData("CaseSystems:devon:Secret", "tiny", "CaseSystems:devon:Secret")]
    [InlineData("Outbox:MaxAttempts", "0", "MaxAttempts")]
    [InlineData("Limits:JsonBodyBytes", "1", "JsonBodyBytes")]
    public void The_host_refuses_to_start_with_invalid_settings(string key, string value, string named)
    {
        using var app = new WorkflowsApp("Host=127.0.0.1;Port=1;Database=none;Username=x;Password=y", new Dictionary<string, string?>
        {
            [key] = value,
            ["Storage:MigrateOnStartup"] = "false",
            ["Storage:SeedProtocols"] = "false",
        });
        var error = Assert.ThrowsAny<Exception>(() => app.Server);
        var validation = error as OptionsValidationException ?? error.InnerException as OptionsValidationException
            ?? (error as AggregateException)?.InnerExceptions.OfType<OptionsValidationException>().FirstOrDefault();
        Assert.True(validation is not null, error.ToString());
        Assert.Contains(named, string.Join(" ", validation!.Failures));
    }
}
