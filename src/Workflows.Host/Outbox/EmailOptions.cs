using MimeKit;
using Workflows.Host.Configuration;

namespace Workflows.Host.Outbox;

/// <summary>How the SMTP connection is secured.</summary>
public enum EmailTls
{
    /// <summary>Plain SMTP (a local relay or a test server only).</summary>
    None,

    /// <summary>Upgrade with STARTTLS; refuse to send when the server doesn't offer it.</summary>
    StartTls,

    /// <summary>TLS from the first byte (implicit TLS, usually port 465).</summary>
    SslOnConnect,
}

/// <summary>
/// Configuration section <c>Email</c>: the SMTP server that delivers <c>notification</c> side effects.
/// With <c>Email:Host</c> empty (the default) the host keeps <see cref="LogOnlyNotificationSender"/>:
/// notifications are logged, not emailed.
/// </summary>
public sealed class EmailOptions : IConfigurationProblems
{
    public const string Section = "Email";

    /// <summary>The SMTP server; empty = no email (log-only sender).</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public EmailTls UseTls { get; set; } = EmailTls.StartTls;

    /// <summary>The sender address, e.g. <c>"IRO Escalations &lt;escalations@council.gov.uk&gt;"</c>.</summary>
    public string? From { get; set; }

    /// <summary>Set both or neither: without them the server is used unauthenticated.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The templates folder; relative paths are under the protocol folder (<c>Storage:SeedFolder</c>).</summary>
    public string TemplatesFolder { get; set; } = "templates";

    /// <summary>Connect, authenticate and send must finish within this.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    public IEnumerable<string> Problems()
    {
        if (!Enabled) yield break;
        if (Port is < 1 or > 65535)
            yield return "Email:Port must be between 1 and 65535.";
        if (!Enum.IsDefined(UseTls))
            yield return "Email:UseTls must be None, StartTls or SslOnConnect.";
        if (string.IsNullOrWhiteSpace(From) || !MailboxAddress.TryParse(From, out _))
            yield return "Email:From must be an email address (e.g. \"IRO Escalations <escalations@council.gov.uk>\") when Email:Host is set.";
        if (string.IsNullOrEmpty(UserName) != string.IsNullOrEmpty(Password))
            yield return "Email:UserName and Email:Password must be set together (or both left empty).";
        if (string.IsNullOrWhiteSpace(TemplatesFolder))
            yield return "Email:TemplatesFolder must not be empty.";
        if (Timeout < TimeSpan.FromSeconds(1) || Timeout > TimeSpan.FromMinutes(10))
            yield return "Email:Timeout must be between 00:00:01 and 00:10:00.";
    }
}
