namespace Workflows.Escalations.Protocols;

/// <summary>One rung of a protocol's ladder.</summary>
public sealed record RungSettings
{
    /// <summary>0 = informal; 1.. = formal stages/levels; the Cafcass rung (001, 003) follows the last formal one.</summary>
    public required int Stage { get; init; }

    /// <summary><c>informal</c>, <c>formal</c> or <c>cafcass</c>.</summary>
    public string Kind { get; init; } = "formal";

    /// <summary>The authority's own title, e.g. "Stage 2: Head of Service", "Formal Dispute (Stage 3): Level 1".</summary>
    public required string Title { get; init; }

    /// <summary>Role key of the person the concern is referred to at this rung.</summary>
    public required string RecipientRole { get; init; }

    /// <summary>Role keys copied in.</summary>
    public IReadOnlyList<string> CcRoles { get; init; } = [];

    /// <summary>
    /// The response window: <c>rag</c> (by the RAG table), <c>5wd</c> (fixed), <c>agreed</c> (a date agreed with the
    /// social worker), <c>agreed-max-10wd</c> (reviewed on the agreed date, at most 10 working days) or <c>none</c>.
    /// </summary>
    public required string Window { get; init; }

    /// <summary>
    /// Whether a bypass (or a start) may target this rung. False only where the document allows the rung
    /// solely at the end of the ladder (003: Cafcass follows Level 4).
    /// </summary>
    public bool Bypassable { get; init; } = true;
}
