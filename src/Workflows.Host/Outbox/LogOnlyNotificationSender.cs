namespace Workflows.Host.Outbox;

/// <summary>
/// The default <see cref="INotificationSender"/> until email delivery exists: it records that the
/// notification was due (template, recipient role, escalation) in the log and reports success, so the
/// outbox row is marked delivered. NO EMAIL IS SENT. The request itself stays in the instance journal
/// (<c>SideEffectRequested</c>) and in the outbox row, so nothing is lost when a real sender replaces this.
/// </summary>
public sealed partial class LogOnlyNotificationSender(ILogger<LogOnlyNotificationSender> logger) : INotificationSender
{
    public Task SendAsync(NotificationRequest notification, CancellationToken ct)
    {
        Log(logger, notification.Id, notification.Template, notification.RecipientRole,
            string.Join(",", notification.CcRoles), notification.EscalationId);
        return Task.CompletedTask;
    }

    [LoggerMessage(LogLevel.Information,
        "Notification {NotificationId} recorded, not emailed (no email sender configured): template {Template} to {RecipientRole} cc {CcRoles} for escalation {EscalationId}")]
    private static partial void Log(ILogger logger, string notificationId, string? template, string? recipientRole,
        string ccRoles, string? escalationId);
}
