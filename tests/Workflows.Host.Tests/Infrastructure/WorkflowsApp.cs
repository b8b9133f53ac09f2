using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Serilog.Core;
using Workflows.Host.Auth;
using Workflows.Host.Outbox;

namespace Workflows.Host.Tests.Infrastructure;

/// <summary>
/// The real host on a fresh PostgreSQL database, with a fake clock, a capturing log sink and a fake
/// case-system receiver. Background loops are off: tests advance the clock and run the timer pump and
/// the outbox dispatcher once, so what they assert never races a loop.
/// </summary>
public sealed class WorkflowsApp(string connectionString, IReadOnlyDictionary<string, string?>? extraSettings = null,
    Action<IServiceCollection>? extraServices = null)
    : WebApplicationFactory<Program>
{
    /// <summary>Monday 2 March 2026, 09:00 UK time (GMT): a plain working day.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public const string WebhookSecret = "test-webhook-secret-0123456789";

    public FakeTimeProvider Time { get; } = new(Start);
    public CapturingSink Logs { get; } = new();
    public FakeWebhookReceiver Webhooks { get; } = new();
    public string ConnectionString { get; } = connectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>(TestIdentities.Settings())
        {
            ["Storage:Provider"] = "PostgreSql",
            ["ConnectionStrings:Workflows"] = ConnectionString,
            ["Outbox:Enabled"] = "false",
            ["Timers:Enabled"] = "false",
            ["Limits:PermitsPerWindow"] = "100000",
        };
        foreach (var protocol in new[] { "north-somerset", "blackpool", "devon", "lcs-authority", "northamptonshire" })
        {
            settings[$"CaseSystems:{protocol}:WebhookUrl"] = $"https://case-system.test/{protocol}/callbacks";
            settings[$"CaseSystems:{protocol}:Secret"] = WebhookSecret;
        }
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>()) settings[key] = value;
        foreach (var (key, value) in settings) builder.UseSetting(key, value);

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            services.AddSingleton<ILogEventSink>(Logs);
            services.AddHttpClient(CaseSystemWebhookSender.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => Webhooks);
            extraServices?.Invoke(services);
        });
    }

    /// <summary>True when the app made its database and drops it when disposed.</summary>
    private bool OwnsDatabase { get; init; }

    /// <summary>An app on a new database of its own, dropped again when the app is disposed.</summary>
    public static async Task<WorkflowsApp> CreateAsync(string prefix, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null) =>
        new(await PostgresServer.CreateDatabaseAsync(prefix), settings, services) { OwnsDatabase = true };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (OwnsDatabase) await PostgresServer.DropDatabaseAsync(ConnectionString);
    }

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public HttpClient WithToken(string token)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public HttpClient WithApiKey(string key = TestIdentities.CaseSystemKey)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, key);
        return client;
    }

    public HttpClient As(Caller caller) => caller switch
    {
        Caller.Anonymous => Anonymous(),
        Caller.CaseSystem => WithApiKey(),
        Caller.Iro => WithToken(TestIdentities.Iro),
        Caller.CpChair => WithToken(TestIdentities.CpChair),
        Caller.Manager => WithToken(TestIdentities.Manager),
        Caller.QaLead => WithToken(TestIdentities.QaLead),
        Caller.Auditor => WithToken(TestIdentities.Auditor),
        Caller.Admin => WithToken(TestIdentities.Admin),
        _ => throw new ArgumentOutOfRangeException(nameof(caller)),
    };
}

public enum Caller { Anonymous, CaseSystem, Iro, CpChair, Manager, QaLead, Auditor, Admin }

/// <summary>One app on one fresh database, shared by the test classes of the "host" collection.</summary>
public sealed class HostFixture : IAsyncLifetime
{
    public WorkflowsApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await WorkflowsApp.CreateAsync("host_tests");
        _ = App.Server; // start now: migrations and protocol seeding run once for the collection
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class HostCollection : ICollectionFixture<HostFixture>
{
    public const string Name = "host";
}
