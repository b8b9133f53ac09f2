namespace Workflows.Escalations.Escalating;

public enum EscalationErrorKind { Validation, NotFound, Conflict }

/// <summary>
/// A request the protocol does not allow, said plainly: which field is wrong and what is allowed
/// (Validation), no such escalation (NotFound), or not possible at the current rung and why (Conflict).
/// </summary>
public sealed class EscalationException : Exception
{
    public EscalationException(EscalationErrorKind kind, string message,
        IReadOnlyDictionary<string, string[]>? errors = null) : base(message)
    {
        Kind = kind;
        Errors = errors ?? new Dictionary<string, string[]>();
    }

    public EscalationErrorKind Kind { get; }

    /// <summary>Field name → what is wrong with it (for validation problems).</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    public static EscalationException Invalid(string field, string message) =>
        new(EscalationErrorKind.Validation, message, new Dictionary<string, string[]> { [field] = [message] });

    public static EscalationException Conflict(string message) => new(EscalationErrorKind.Conflict, message);
    public static EscalationException NotFound(string message) => new(EscalationErrorKind.NotFound, message);
}
