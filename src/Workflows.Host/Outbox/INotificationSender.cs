using System.Text.Json.Nodes;

namespace Workflows.Host.Outbox;

/// <summary>
/// Sends a <c>notification</c> side effect (the rung's recipient and CC list, by template). The seam where
/// email delivery plugs in: register another implementation and the dispatcher uses it.
/// </summary>
public interface INotificationSender
{
    /// <summary>Throws when the notification could not be handed over; the dispatcher retries with backoff.</summary>
    Task SendAsync(NotificationRequest notification, CancellationToken ct);
}

/// <summary>
/// A notification to deliver. <c>Id</c> is the outbox row id, stable across retries, so a sender can
/// deduplicate. <c>Payload</c> is the whole side effect, child reference included: never log it.
/// </summary>
public sealed record NotificationRequest(string Id, string InstanceId, string? Protocol, string? EscalationId,
    string? Template, string? RecipientRole, IReadOnlyList<string> CcRoles, JsonObject Payload);
