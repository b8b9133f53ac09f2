namespace Workflows.Engine.Journal;

/// <summary>Whether a journal's hash chain holds; when it doesn't, the first row at fault and why.</summary>
public sealed record VerificationResult(bool IsValid, long? FailedAtSequence, string? Reason)
{
    public static readonly VerificationResult Valid = new(true, null, null);

    public static VerificationResult Failed(long sequence, string reason) => new(false, sequence, reason);

    public override string ToString() => IsValid ? "valid" : $"row {FailedAtSequence}: {Reason}";
}
