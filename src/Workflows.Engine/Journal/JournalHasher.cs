using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Workflows.Engine.Journal;

/// <summary>
/// The hash chain: each row's hash covers its own fields and the previous row's hash, so a change
/// anywhere shows up at that row and every row after it.
/// </summary>
public static class JournalHasher
{
    /// <summary>The "previous hash" of an instance's first row.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Hash(string instanceId, long sequence, DateTimeOffset at, string actor, string? elementId,
        string eventType, string payload, string previousHash)
    {
        // Unit separators keep field boundaries unambiguous ("ab"+"c" ≠ "a"+"bc").
        var text = string.Join('\u001f', instanceId, sequence.ToString(CultureInfo.InvariantCulture),
            at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), actor, elementId ?? "", eventType, payload,
            previousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    public static string Hash(JournalEntry e) =>
        Hash(e.InstanceId, e.Sequence, e.At, e.Actor, e.ElementId, e.EventType, e.Payload, e.PreviousHash);
}
