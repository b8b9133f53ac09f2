using System.Security.Cryptography;
using System.Text;

namespace Workflows.Host.Outbox;

/// <summary>
/// Signs case-system callbacks: <c>X-Workflows-Signature: sha256=&lt;hex HMAC-SHA256 over "{timestamp}.{body}"&gt;</c>
/// with <c>X-Workflows-Timestamp</c> in unix seconds. Covering the timestamp lets the receiver refuse
/// replays outside its tolerance window (five minutes is usual); covering the exact body bytes means any
/// change in transit breaks the signature.
/// </summary>
public static class WebhookSignature
{
    public const string TimestampHeader = "X-Workflows-Timestamp";
    public const string SignatureHeader = "X-Workflows-Signature";
    public const string DeliveryHeader = "X-Workflows-Delivery";
    public const string KindHeader = "X-Workflows-Kind";

    public static string Sign(string secret, long timestamp, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return "sha256=" + Convert.ToHexStringLower(mac);
    }

    /// <summary>What a receiver does: recompute and compare in constant time.</summary>
    public static bool Verify(string secret, string timestampHeader, string body, string signatureHeader)
    {
        if (!long.TryParse(timestampHeader, out var timestamp)) return false;
        var expected = Encoding.ASCII.GetBytes(Sign(secret, timestamp, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signatureHeader));
    }
}
