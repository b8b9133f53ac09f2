using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using Workflows.Engine.EntityFrameworkCore;
using Workflows.Engine.EntityFrameworkCore.Entities;
using Workflows.Engine.Execution;
using Workflows.Engine.Journal;
using Workflows.Host.Outbox;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Outbox;

/// <summary>A real SMTP server on 127.0.0.1 (the <c>SmtpServer</c> package) that keeps every message it accepts.</summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    public int Port { get; } = FreePort();
    public CapturingMessageStore Store { get; } = new();
    private CancellationTokenSource? _stop;
    private Task? _running;

    public async Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(Store);
        _stop = new CancellationTokenSource();
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
        // Wait until it accepts connections.
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        throw new InvalidOperationException("The test SMTP server did not start.");
    }

    public async Task StopAsync()
    {
        if (_stop is null) return;
        await _stop.CancelAsync();
        try { await _running!; } catch (OperationCanceledException) { }
        _stop.Dispose();
        _stop = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

public sealed record CapturedEmail(IReadOnlyList<string> EnvelopeTo, MimeMessage Message);

public sealed class CapturingMessageStore : MessageStore
{
    public ConcurrentQueue<CapturedEmail> Messages { get; } = new();

    public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
        ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        foreach (var segment in buffer) stream.Write(segment.Span);
        stream.Position = 0;
        var message = await MimeMessage.LoadAsync(stream, cancellationToken);
        Messages.Enqueue(new CapturedEmail(transaction.To.Select(m => $"{m.User}@{m.Host}").ToList(), message));
        return SmtpResponse.Ok;
    }
}

/// <summary>The host with <c>Email:Host</c> pointing at <see cref="TestSmtpServer"/>, a short retry schedule, its own database.</summary>
public sealed class EmailFixture : IAsyncLifetime
{
    public TestSmtpServer Smtp { get; } = new();
    public WorkflowsApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Smtp.StartAsync();
        App = await WorkflowsApp.CreateAsync("host_email", new Dictionary<string, string?>
        {
            ["Outbox:MaxAttempts"] = "3",
            ["Outbox:InitialBackoff"] = "00:00:10",
            ["Outbox:MaxBackoff"] = "00:01:00",
            ["Storage:SeedProtocols"] = "false",
            ["Email:Host"] = "127.0.0.1",
            ["Email:Port"] = Smtp.Port.ToString(),
            ["Email:UseTls"] = "None",
            ["Email:From"] = "IRO Escalations <escalations@council.test>",
            ["Email:Timeout"] = "00:00:10",
        });
        _ = App.Server;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

/// <summary>Notifications delivered as email over a real SMTP exchange; one test at a time (shared server and rows).</summary>
public sealed class EmailTests(EmailFixture fixture) : IClassFixture<EmailFixture>
{
    private readonly WorkflowsApp app = fixture.App;
    private OutboxDispatcher Dispatcher => app.Services.GetRequiredService<OutboxDispatcher>();

    private static JsonObject Contacts() => new()
    {
        ["teamManager"] = new JsonObject { ["name"] = "Terry Manager", ["email"] = "terry.manager@council.test", ["phone"] = "01234 567890" },
        ["socialWorker"] = new JsonObject { ["name"] = "Sam Worker", ["email"] = "sam.worker@council.test" },
        ["reviewer"] = new JsonObject { ["name"] = "Rowan Reviewer", ["email"] = "rowan.reviewer@council.test" },
    };

    /// <summary>An instance holding the escalation's contacts, and a <c>notification</c> outbox row for it.</summary>
    private async Task<string> AddNotificationAsync(string template, string recipientRole, string[] ccRoles, JsonObject contacts,
        string protocol = "north-somerset")
    {
        var instanceId = "inst-" + Guid.NewGuid().ToString("N")[..8];
        var id = instanceId + ":e1";
        var state = new InstanceState
        {
            InstanceId = instanceId, DefinitionKey = protocol, DefinitionVersion = 1, CorrelationKey = "ESC-42",
            Status = InstanceStatus.Running,
            Variables = new JsonObject
            {
                ["childRef"] = "CHILD-999",
                ["contacts"] = contacts,
                ["currentRungTitle"] = "Stage 1: Team Manager",
                ["category"] = "Quality of planning – safeguarding",
            },
        };
        var payload = new JsonObject
        {
            ["escalationId"] = "ESC-42",
            ["instanceId"] = instanceId,
            ["protocol"] = protocol,
            ["nodeName"] = "Notify the Team Manager by phone and email (same day)",
            ["childRef"] = "CHILD-999",
            ["stage"] = 1,
            ["rag"] = "AMBER",
            ["template"] = template,
            ["recipientRole"] = recipientRole,
            ["ccRoles"] = new JsonArray(ccRoles.Select(r => (JsonNode?)r).ToArray()),
        };
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync();
        db.Instances.Add(new InstanceRow
        {
            Id = instanceId, DefinitionKey = protocol, DefinitionVersion = 1, CorrelationKey = "ESC-42",
            Status = InstanceStatus.Running, State = InstanceStateSerializer.Serialize(state), Version = 1,
        });
        db.Outbox.Add(new OutboxRow
        {
            Id = id, InstanceId = instanceId, Kind = OutboxDispatcher.NotificationKind, Payload = payload.ToJsonString(),
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

    private CapturedEmail? Email(string id) =>
        fixture.Smtp.Store.Messages.SingleOrDefault(m => m.Message.Headers[SmtpNotificationSender.DeliveryHeader] == id);

    [Fact]
    public void The_host_sends_email_when_Email_Host_is_set()
    {
        Assert.IsType<SmtpNotificationSender>(app.Services.GetRequiredService<INotificationSender>());
    }

    [Fact]
    public async Task A_notification_is_emailed_to_the_recipient_role_with_the_cc_roles_copied_from_the_protocol_template()
    {
        var id = await AddNotificationAsync("issues-resolution-referral", "teamManager", ["socialWorker"], Contacts());
        await Dispatcher.DispatchOnceAsync(CancellationToken.None);

        var email = Email(id);
        Assert.NotNull(email);
        var message = email.Message;
        Assert.Equal(["terry.manager@council.test"], message.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("Terry Manager", message.To.Mailboxes.Single().Name);
        Assert.Equal(["sam.worker@council.test"], message.Cc.Mailboxes.Select(m => m.Address));
        Assert.Equal(["terry.manager@council.test", "sam.worker@council.test"], email.EnvelopeTo);
        Assert.Equal("escalations@council.test", message.From.Mailboxes.Single().Address);
        Assert.Equal("Issue resolution referral ESC-42: Stage 1: Team Manager", message.Subject);

        var body = message.TextBody;
        Assert.StartsWith("Dear Terry Manager,", body);
        Assert.Contains("referred to you as Team Manager", body);
        Assert.Contains("North Somerset ISRO Issue Resolution Protocol", body);
        Assert.Contains("Case reference: CHILD-999", body);
        Assert.Contains("RAG rating: AMBER", body);
        Assert.Contains("Concern: Quality of planning – safeguarding", body);
        Assert.DoesNotContain("{{", body);

        var row = await RowAsync(id);
        Assert.NotNull(row.DeliveredAt);
        Assert.False(row.Failed);
        // The redaction policy: the child reference and the body never reach the log.
        Assert.DoesNotContain(app.Logs.Events, e => e.RenderMessage().Contains("CHILD-999") || e.RenderMessage().Contains("Dear "));
    }

    [Fact]
    public async Task A_template_the_protocol_has_no_file_for_falls_back_to_the_default_template()
    {
        var id = await AddNotificationAsync("overall-limit-passed", "reviewer", ["teamManager", "socialWorker"], Contacts());
        await Dispatcher.DispatchOnceAsync(CancellationToken.None);

        var message = Email(id)!.Message;
        Assert.Equal(["rowan.reviewer@council.test"], message.To.Mailboxes.Select(m => m.Address));
        Assert.Equal(["terry.manager@council.test", "sam.worker@council.test"], message.Cc.Mailboxes.Select(m => m.Address));
        Assert.Equal("ISRO Issue Resolution Protocol ESC-42: Notify the Team Manager by phone and email (same day)", message.Subject);
        Assert.Contains("Dear Rowan Reviewer,", message.TextBody);
        Assert.Contains("North Somerset ISRO Issue Resolution Protocol", message.TextBody);
        Assert.Contains("Copied to: Team Manager, Social Worker.", message.TextBody);
        Assert.NotNull((await RowAsync(id)).DeliveredAt);
    }

    [Fact]
    public async Task A_role_without_an_email_address_fails_the_notification_and_after_the_retries_it_is_an_incident()
    {
        var contacts = Contacts();
        contacts["socialWorker"] = new JsonObject { ["name"] = "Sam Worker", ["phone"] = "01234 000000" };
        var id = await AddNotificationAsync("issues-resolution-referral", "teamManager", ["socialWorker"], contacts);

        await Dispatcher.DispatchOnceAsync(CancellationToken.None);
        var row = await RowAsync(id);
        Assert.Null(row.DeliveredAt);
        Assert.False(row.Failed);
        Assert.Equal(1, row.Attempts);
        Assert.Contains("No email address for role 'socialWorker' (Social Worker)", row.LastError);
        Assert.Contains("contacts.socialWorker.email", row.LastError);
        Assert.Equal(app.Time.GetUtcNow().AddSeconds(10), row.NextAttemptAt);

        app.Time.Advance(TimeSpan.FromSeconds(10));
        await Dispatcher.DispatchOnceAsync(CancellationToken.None);
        app.Time.Advance(TimeSpan.FromSeconds(20));
        await Dispatcher.DispatchOnceAsync(CancellationToken.None);

        row = await RowAsync(id);
        Assert.True(row.Failed);
        Assert.Equal(3, row.Attempts);
        Assert.Null(Email(id));
        Assert.Contains(app.Logs.Events, e => e.Level == Serilog.Events.LogEventLevel.Error
            && e.RenderMessage().Contains(id) && e.RenderMessage().Contains("incident"));
    }

    [Fact]
    public async Task With_the_SMTP_server_down_the_notification_is_retried_after_the_backoff()
    {
        var id = await AddNotificationAsync("no-response-escalating", "reviewer", ["teamManager"], Contacts());
        await fixture.Smtp.StopAsync();
        try
        {
            await Dispatcher.DispatchOnceAsync(CancellationToken.None);
        }
        finally
        {
            await fixture.Smtp.StartAsync();
        }

        var row = await RowAsync(id);
        Assert.Null(row.DeliveredAt);
        Assert.False(row.Failed);
        Assert.Equal(1, row.Attempts);
        Assert.Contains("refused", row.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(app.Time.GetUtcNow().AddSeconds(10), row.NextAttemptAt);

        await Dispatcher.DispatchOnceAsync(CancellationToken.None); // not due yet
        Assert.Null(Email(id));

        app.Time.Advance(TimeSpan.FromSeconds(11));
        await Dispatcher.DispatchOnceAsync(CancellationToken.None);
        var message = Email(id)!.Message;
        Assert.Equal("No response to escalation ESC-42: moving to the next stage", message.Subject);
        Assert.Equal(["rowan.reviewer@council.test"], message.To.Mailboxes.Select(m => m.Address));
        Assert.Equal(["terry.manager@council.test"], message.Cc.Mailboxes.Select(m => m.Address));
        row = await RowAsync(id);
        Assert.NotNull(row.DeliveredAt);
        Assert.False(row.Failed);
    }

    [Fact]
    public void Without_Email_Host_notifications_are_only_logged()
    {
        var services = new ServiceCollection().AddLogging()
            .AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        services.AddWorkflowsOutbox();
        using var provider = services.BuildServiceProvider();
        Assert.IsType<LogOnlyNotificationSender>(provider.GetRequiredService<INotificationSender>());
    }

    [Fact]
    public void Email_options_are_checked_only_when_a_host_is_set()
    {
        Assert.Empty(new EmailOptions().Problems());
        var problems = new EmailOptions { Host = "smtp.council.test", Port = 0, From = "not an address", UserName = "user" }.Problems().ToList();
        Assert.Contains(problems, p => p.StartsWith("Email:Port"));
        Assert.Contains(problems, p => p.StartsWith("Email:From"));
        Assert.Contains(problems, p => p.StartsWith("Email:UserName"));
    }
}
