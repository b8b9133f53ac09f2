using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Workflows.Engine.Runtime;
using Workflows.Escalations;
using Workflows.Escalations.Protocols;

namespace Workflows.Host.Outbox;

/// <summary>
/// Emails a <c>notification</c> side effect over SMTP (MailKit): To = the recipient role's contact, Cc = the
/// CC roles' contacts, both looked up in the escalation's <c>contacts</c> variable (role key →
/// <c>{name, email, phone}</c>); subject and body from the protocol's Liquid template
/// (<see cref="NotificationTemplates"/>). A role without an email address fails the delivery (retried, then an
/// incident) rather than dropping the notification. Registered instead of <see cref="LogOnlyNotificationSender"/>
/// when <c>Email:Host</c> is set. Logs ids, template and role keys only: never addresses, subject or body.
/// </summary>
public sealed partial class SmtpNotificationSender(
    IOptionsMonitor<EmailOptions> options,
    NotificationTemplates templates,
    ProtocolCatalogue catalogue,
    IInstanceStore instances,
    ILogger<SmtpNotificationSender> logger) : INotificationSender
{
    public const string DeliveryHeader = "X-Workflows-Delivery";

    public async Task SendAsync(NotificationRequest notification, CancellationToken ct)
    {
        var o = options.CurrentValue;
        var message = await ComposeAsync(notification, o, ct);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(o.Timeout);
        using var client = new SmtpClient { Timeout = (int)o.Timeout.TotalMilliseconds };
        await client.ConnectAsync(o.Host!, o.Port, o.UseTls switch
        {
            EmailTls.None => SecureSocketOptions.None,
            EmailTls.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTls,
        }, timeout.Token);
        if (!string.IsNullOrEmpty(o.UserName))
            await client.AuthenticateAsync(o.UserName, o.Password ?? "", timeout.Token);
        await client.SendAsync(message, timeout.Token);
        await client.DisconnectAsync(true, timeout.Token);

        LogSent(logger, notification.Id, notification.Template, notification.RecipientRole, message.Cc.Count);
    }

    /// <summary>The message for <paramref name="notification"/>: addresses, rendered subject and body.</summary>
    public async Task<MimeMessage> ComposeAsync(NotificationRequest notification, EmailOptions o, CancellationToken ct)
    {
        if (notification.RecipientRole is null)
            throw new PermanentDeliveryException("The notification names no recipient role.");
        var settings = notification.Protocol is null ? null : catalogue.Find(notification.Protocol);
        var roles = settings?.Roles ?? new Dictionary<string, string>();
        string Title(string role) => roles.TryGetValue(role, out var title) ? title : role;

        var stored = await instances.LoadAsync(notification.InstanceId, ct)
            ?? throw new PermanentDeliveryException($"Instance '{notification.InstanceId}' not found: nowhere to look up the contacts.");
        var variables = stored.State.Variables;
        var contacts = variables[EscalationVariables.Contacts] as JsonObject;

        var recipient = Contact(contacts, notification.RecipientRole, Title(notification.RecipientRole));
        var cc = notification.CcRoles.Where(r => r != notification.RecipientRole).Distinct(StringComparer.Ordinal)
            .Select(r => Contact(contacts, r, Title(r))).ToList();

        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in notification.Payload) values[name] = ToModel(value);
        values["protocolName"] = settings?.Name;
        values["authority"] = settings?.Authority;
        values["caseSystem"] = settings?.CaseSystem;
        values["roles"] = roles.ToDictionary(r => r.Key, r => (object?)r.Value, StringComparer.Ordinal);
        values["recipient"] = recipient.Model;
        values["recipientTitle"] = recipient.Model["title"];
        values["cc"] = cc.Select(c => (object?)c.Model).ToList();
        values["ccTitles"] = string.Join(", ", cc.Select(c => c.Model["title"]));
        values["rungTitle"] = ToModel(variables[EscalationVariables.CurrentRungTitle]);
        values["category"] = ToModel(variables[EscalationVariables.Category]);
        values["actionsDueAt"] = ToModel(variables[EscalationVariables.ActionsDueAt]);
        values["contacts"] = ToModel(contacts);

        var (subject, body) = await templates.RenderAsync(notification.Protocol, notification.Template, values);

        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(o.From!));
        message.To.Add(recipient.Address);
        foreach (var c in cc.Where(c => !c.Address.Address.Equals(recipient.Address.Address, StringComparison.OrdinalIgnoreCase)))
            message.Cc.Add(c.Address);
        message.Subject = subject;
        // Stable across retries, so a receiving system can drop duplicates (delivery is at-least-once).
        message.MessageId = "notification." + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(notification.Id)))[..32]
            + "@iro-escalation-workflows";
        message.Headers.Add(DeliveryHeader, notification.Id);
        message.Body = new TextPart("plain") { Text = body };
        return message;
    }

    private sealed record ResolvedContact(MailboxAddress Address, Dictionary<string, object?> Model);

    private static ResolvedContact Contact(JsonObject? contacts, string role, string title)
    {
        var entry = contacts?[role] as JsonObject
            ?? contacts?.FirstOrDefault(c => string.Equals(c.Key, role, StringComparison.OrdinalIgnoreCase)).Value as JsonObject;
        var email = Text(entry?["email"]);
        var name = Text(entry?["name"]);
        if (string.IsNullOrWhiteSpace(email))
            throw new MissingContactException(
                $"No email address for role '{role}' ({title}) in the escalation's contacts: set contacts.{role}.email, the notification is retried.");
        if (!MailboxAddress.TryParse(email, out var parsed) || parsed.Address.IndexOf('@') < 1)
            throw new MissingContactException(
                $"The email address for role '{role}' ({title}) in the escalation's contacts is not valid: correct contacts.{role}.email, the notification is retried.");
        var address = new MailboxAddress(string.IsNullOrWhiteSpace(name) ? title : name, parsed.Address);
        return new ResolvedContact(address, new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["role"] = role,
            ["title"] = title,
            ["name"] = string.IsNullOrWhiteSpace(name) ? title : name,
            ["email"] = parsed.Address,
            ["phone"] = Text(entry?["phone"]),
        });
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>().Trim() : null;

    /// <summary>JSON → the plain values Liquid reads: dictionaries, lists, strings, numbers, booleans.</summary>
    private static object? ToModel(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o.ToDictionary(p => p.Key, p => ToModel(p.Value), StringComparer.Ordinal),
        JsonArray a => a.Select(ToModel).ToList(),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.Number => long.TryParse(v.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l)
                ? l : decimal.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        },
        _ => null,
    };

    [LoggerMessage(LogLevel.Information, "Notification {NotificationId} emailed: template {Template} to {RecipientRole} with {CcCount} cc")]
    private static partial void LogSent(ILogger logger, string notificationId, string? template, string? recipientRole, int ccCount);
}

/// <summary>
/// A recipient or CC role has no (valid) email address in the escalation's contacts. Retried with the
/// dispatcher's backoff (the contacts may be corrected meanwhile); after the last attempt, an incident.
/// </summary>
public sealed class MissingContactException(string message) : Exception(message);
