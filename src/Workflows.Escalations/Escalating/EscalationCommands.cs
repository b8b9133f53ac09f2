namespace Workflows.Escalations.Escalating;

/// <summary>The rung's recipient answered.</summary>
public sealed record RecordResponse(string Response, string RespondedBy);

/// <summary>
/// The IRO's decision after a response (or at any point, for a bypass): resolve; actions agreed with a
/// date the IRO monitors; escalate to the next rung; bypass to rung N with a reason. <see cref="Rag"/>
/// may re-rate the concern for the next rung.
/// </summary>
public sealed record IroDecision(string Decision, DateOnly? ActionsDueAt = null, int? BypassTo = null,
    string? BypassReason = null, string? Rag = null, string? Note = null);

public static class Decisions
{
    public const string Resolve = "resolve";
    public const string ActionsAgreed = "actions-agreed";
    public const string Escalate = "escalate";
    public const string Bypass = "bypass";
    public const string ActionsMet = "actions-met";
    public static readonly IReadOnlyList<string> All = [Resolve, ActionsAgreed, Escalate, Bypass, ActionsMet];
}

/// <summary>An approval gate's answer (e.g. QA Team Manager's agreement before stage 4).</summary>
public sealed record GateApproval(bool Approved, string ApprovedBy, string? Note = null);

public sealed record CafcassReferral(string Reason, bool IndependentLegalAdviceTaken = false);

/// <summary>What closing records: outcome, impact on the child's lived experience, key learning points.</summary>
public sealed record EscalationOutcome(string Outcome, string ImpactOnLivedExperience, string? Learning = null);

/// <summary>A systemic issue beyond this one child (resources, systems).</summary>
public sealed record ThemedConcern(string Theme, string Detail);
