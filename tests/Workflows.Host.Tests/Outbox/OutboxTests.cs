using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Engine.EntityFrameworkCore;
using Workflows.Engine.EntityFrameworkCore.Entities;
using Workflows.Host.Outbox;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Outbox;

/// <summary>An app with a short retry schedule and a recording notification sender, on its own database.</summary>
public sealed class OutboxFixture : IAsyncLifetime
{
    public WorkflowsApp App { get; private set; } = null!;
    public RecordingNotificationSender Notifications { get; } = new();

    public async Task InitializeAsync()
    {
        App = await WorkflowsApp.CreateAsync("host_outbox", new Dictionary<string, string?>
        {
            ["Outbox:MaxAttempts"] = "3",
            ["Outbox:InitialBackoff"] = "00:00:10",
            ["Outbox:MaxBackoff"] = "00:01:00",
            ["Storage:SeedProtocols"] = "false",
        }, services => services.AddSingleton<INotificationSender>(Notifications));
        _ = App.Server;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class RecordingNotificationSender : INotificationSender
{
    public List<NotificationRequest> Sent { get; } = [];

    public Task SendAsync(NotificationRequest notification, CancellationToken ct)
    {
        lock (Sent) Sent.Add(notification);
        return Task.CompletedTask;
    }
}

/// <summary>Runs one test at a time against its own outbox (the receiver and the rows are shared state).</summary>
public sealed class OutboxTests(OutboxFixture fixture) : IClassFixture<OutboxFixture>
{
    private readonly WorkflowsApp app = fixture.App;
    private OutboxDispatcher Dispatcher => app.Services.GetRequiredService<OutboxDispatcher>();

    private async Task<string> AddRowAsync(string kind, string protocol, JsonObject? extra = null)
    {
        var id = "inst-" + Guid.NewGuid().ToString("N")[..8] + ":e1";
        var payload = new JsonObject
        {
            ["escalationId"] = "ESC-1",
            ["protocol"] = protocol,
            ["childRef"] = "CHILD-999",
            ["note"] = "Escalated to stage 1: Team Manager.",
        };
        foreach (var (k, v) in extra ?? []) payload[k] = v?.DeepClone();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync();
        // An outbox row belongs to an instance (foreign key); a stand-in row is enough for the dispatcher.
        db.Instances.Add(new InstanceRow
        {
            Id = id.Split(':')[0], DefinitionKey = "outbox-test", DefinitionVersion = 1, State = "{}", Version = 1,
        });
        db.Outbox.Add(new OutboxRow
        {
            Id = id, InstanceId = id.Split(':')[0], Kind = kind, Payload = payload.ToJsonString(),
            CreatedAt = app.Time.GetUtcNow(), NextAttemptAt = app.Time.GetUtcNow(),
        });
        await db.SaveChangesAsync();
        return id;
    }

    private async Task<OutboxRow> RowAsync(string id)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync();
        return await db.Outbox.AsNoTracking().SingleAsync(o => o.Id == id);
    }

    [Fact]
    public async Task A_case_note_is_posted_as_a_webhook_signed_over_timestamp_and_body()
    {
        app.Webhooks.Clear();
        var id = await AddRowAsync("case-note", "north-somerset");
        await Dispatcher.DispatchOnceAsync(CancellationToken.None);

        var hook = app.Webhooks.Received.Single(h => h.Headers[WebhookSignature.DeliveryHeader] == id);
        Assert.Equal("https://case-system.test/north-somerset/callbacks", hook.Url.ToString());
        Assert.Equal("application/json; charset=utf-8", hook.Headers["Content-Type"]);
        Assert.Equal("case-note", hook.Headers[WebhookSignature.KindHeader]);
        var timestamp = hook.Headers[WebhookSignature.TimestampHeader];
        Assert.Equal(app.Time.GetUtcNow().ToUnixTimeSeconds().ToString(), timestamp);

        // The receiver's check: HMAC-SHA256 over "{timestamp}.{body}" with the shared secret, hex, "sha256=" prefix.
        var expected = "sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(WorkflowsApp.WebhookSecret), System.Text.Encoding.UTF8.GetBytes($"{timestamp}.{hook.Body}")));
        Assert.Equal(expected, hook.Headers[WebhookSignature.SignatureHeader]);
        Assert.True(WebhookSignature.Verify(WorkflowsApp.WebhookSecret, timestamp, hook.Body, hook.Headers[WebhookSignature.SignatureHeader]));
        Assert.False(WebhookSignature.Verify("another-secret-entirely", timestamp, hook.Body, hook.Headers[WebhookSignature.SignatureHeader]));
        Assert.False(WebhookSignature.Verify(WorkflowsApp.WebhookSecret, timestamp, hook.Body.Replace("stage 1", "stage 2"), hook.Headers[WebhookSignature.SignatureHeader]));

        var body = JsonNode.Parse(hook.Body)!;
        Assert.Equal(id, body["id"]!.GetValue<string>());
        Assert.Equal("case-note", body["kind"]!.GetValue<string>());
        Assert.Equal("Escalated to stage 1: Team Manager.", body["payload"]!["note"]!.GetValue<string>());

        var row = await RowAsync(id);
        Assert.NotNull(row.DeliveredAt);
        Assert.False(row.Failed);
    }

    [Fact]
    public async Task A_failed_delivery_is_retried_after_backoff_with_the_same_delivery_id()
    {
        app.Webhooks.Clear();
        var id = await AddRowAsync("stage-entered", "blackpool");
        app.Webhooks.FailNext(HttpStatusCode.ServiceUnavailable);

        await Dispatcher.DispatchOnceAsync(CancellationToken.None);
        var failed = await RowAsync(id);
        Assert.Equal(1, failed.Attempts);
        Assert.Null(failed.DeliveredAt);
        Assert.False(failed.Failed);
        Assert.Contains("503", failed.LastError);
        Assert.Equal(app.Time.GetUtcNow().AddSeconds(10), failed.NextAttemptAt);

        await Dispatcher.DispatchOnceAsync(CancellationToken.None); // not due yet
        Assert.Single(app.Webhooks.Received, h => h.Headers[WebhookSignature.DeliveryHeader] == id);

        app.Time.Advance(TimeSpan.FromSeconds(11));
        await Dispatcher.DispatchOnceAsync(CancellationToken.None);
        var attempts = app.Webhooks.Received.Where(h => h.Headers[WebhookSignature.DeliveryHeader] == id).ToList();
        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK], attempts.Select(a => a.AnsweredWith));
        Assert.Equal(attempts[0].Body, attempts[1].Body);
        Assert.NotNull((await RowAsync(id)).DeliveredAt);
    }

    [Fact]
    public async Task After_the_last_attempt_the_row_fails_for_good_with_exponential_waits_between()
    {
        app.Webhooks.Clear();
        var id = await AddRowAsync("case-note", "lcs-authority");
        app.Webhooks.FailNext(HttpStatusCode.InternalServerError, times: 3);

        await Dispatcher.DispatchOnceAsync(CancellationToken.None);
        Assert.Equal(app.Time.GetUtcNow().AddSeconds(10), (await RowAsync(id)).NextAttemptAt);
        app.Time.Advance(TimeSpan.FromSeconds(10));
        await Dispatcher.DispatchOnceAsync(CancellationToken.None);
        Assert.Equal(app.Time.GetUtcNow().AddSeconds(20), (await RowAsync(id)).NextAttemptAt);
        app.Time.Advance(TimeSpan.FromSeconds(20));
        await Dispatcher.DispatchOnceAsync(CancellationToken.None);

        var row = await RowAsync(id);
        Assert.True(row.Failed);
        Assert.Equal(3, row.Attempts);
        Assert.Null(row.DeliveredAt);
        app.Time.Advance(TimeSpan.FromHours(1));
        await Dispatcher.DispatchOnceAsync(CancellationToken.None);
        Assert.Equal(3, app.Webhooks.Received.Count(h => h.Headers[WebhookSignature.DeliveryHeader] == id));
        Assert.Contains(app.Logs.Events, e => e.Level == Serilog.Events.LogEventLevel.Error
            && e.RenderMessage().Contains(id) && e.RenderMessage().Contains("incident"));
    }

    [Fact]
    public async Task A_protocol_without_a_configured_case_system_fails_at_once_saying_which_setting_is_missing()
    {
        var id = await AddRowAsync("case-note", "no-such-authority");
        await Dispatcher.DispatchOnceAsync(CancellationToken.None);
        var row = await RowAsync(id);
        Assert.True(row.Failed);
        Assert.Equal(1, row.Attempts);
        Assert.Contains("CaseSystems:no-such-authority:WebhookUrl", row.LastError);
    }

    [Fact]
    public async Task A_notification_goes_to_the_notification_sender_not_to_the_case_system()
    {
        app.Webhooks.Clear();
        var id = await AddRowAsync("notification", "devon", new JsonObject
        {
            ["template"] = "issues-resolution-referral", ["recipientRole"] = "teamManager", ["ccRoles"] = new JsonArray("socialWorker"),
        });
        await Dispatcher.DispatchOnceAsync(CancellationToken.None);

        var sent = fixture.Notifications.Sent.Single(n => n.Id == id);
        Assert.Equal("issues-resolution-referral", sent.Template);
        Assert.Equal("teamManager", sent.RecipientRole);
        Assert.Equal(["socialWorker"], sent.CcRoles);
        Assert.Equal("ESC-1", sent.EscalationId);
        Assert.DoesNotContain(app.Webhooks.Received, h => h.Headers[WebhookSignature.DeliveryHeader] == id);
        Assert.NotNull((await RowAsync(id)).DeliveredAt);
    }
}
