using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Workflows.Engine.Runtime;

namespace Workflows.Host.Outbox;

/// <summary>
/// Claims due outbox rows and delivers each by kind: <c>notification</c> through <see cref="INotificationSender"/>,
/// every other kind as a signed webhook to the protocol's case system. A failure is retried with
/// exponential backoff; after <see cref="OutboxOptions.MaxAttempts"/> attempts (or at once when no retry
/// can help) the row is marked failed for good — an incident for an administrator.
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    CaseSystemWebhookSender webhooks,
    IOptionsMonitor<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger)
{
    public const string NotificationKind = "notification";

    /// <summary>Identifies this host's claims (leases) among several hosts sharing one database.</summary>
    private readonly string _owner = $"{Truncate(Environment.MachineName, 40)}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];

    /// <summary>Delivers one batch; returns how many rows it claimed.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken ct)
    {
        var o = options.CurrentValue;
        using var scope = scopes.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IOutboxStore>();
        var claimed = await store.ClaimDueAsync(time.GetUtcNow(), o.BatchSize, _owner, o.Lease, ct);
        foreach (var message in claimed)
        {
            try
            {
                await DeliverAsync(scope.ServiceProvider, message, ct);
                await store.MarkDeliveredAsync(message.Id, time.GetUtcNow(), ct);
                LogDelivered(logger, message.Id, message.Kind, message.Attempts + 1);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                var attempt = message.Attempts + 1;
                var permanent = ex is PermanentDeliveryException;
                DateTimeOffset? retryAt = permanent || attempt >= o.MaxAttempts ? null : time.GetUtcNow() + o.BackoffAfter(attempt);
                var error = Describe(ex);
                await store.MarkFailedAsync(message.Id, error, retryAt, CancellationToken.None);
                if (retryAt is null) LogIncident(logger, message.Id, message.Kind, attempt, error);
                else LogRetry(logger, message.Id, message.Kind, attempt, retryAt.Value, error);
            }
        }
        return claimed.Count;
    }

    private Task DeliverAsync(IServiceProvider services, OutboxMessage message, CancellationToken ct)
    {
        var payload = CaseSystemWebhookSender.ParsePayload(message);
        if (message.Kind != NotificationKind) return webhooks.SendAsync(message, payload, ct);

        var notification = new NotificationRequest(message.Id, message.InstanceId, Text(payload, "protocol"),
            Text(payload, "escalationId"), Text(payload, "template"), Text(payload, "recipientRole"),
            (payload["ccRoles"] as JsonArray)?.Select(n => n?.ToString()).OfType<string>().ToList() ?? [], payload);
        return services.GetRequiredService<INotificationSender>().SendAsync(notification, ct);
    }

    private static string? Text(JsonObject payload, string name) =>
        payload[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : payload[name]?.ToJsonString();

    /// <summary>What is stored as the row's last error: the reason, never the payload.</summary>
    private static string Describe(Exception ex) => ex switch
    {
        PermanentDeliveryException or MissingContactException or HttpRequestException => ex.Message,
        TaskCanceledException => "Timed out.",
        _ => $"{ex.GetType().Name}: {ex.Message}",
    };

    [LoggerMessage(LogLevel.Information, "Outbox {OutboxId} ({Kind}) delivered on attempt {Attempt}")]
    private static partial void LogDelivered(ILogger logger, string outboxId, string kind, int attempt);

    [LoggerMessage(LogLevel.Warning, "Outbox {OutboxId} ({Kind}) attempt {Attempt} failed, retry at {RetryAt:o}: {Error}")]
    private static partial void LogRetry(ILogger logger, string outboxId, string kind, int attempt, DateTimeOffset retryAt, string error);

    [LoggerMessage(LogLevel.Error, "Outbox {OutboxId} ({Kind}) failed for good after {Attempt} attempt(s), an incident: {Error}")]
    private static partial void LogIncident(ILogger logger, string outboxId, string kind, int attempt, string error);
}
