namespace Workflows.Escalations;

/// <summary>
/// Names of the instance variables the domain reads and writes (see docs/esc-extension.md): one list,
/// so the workflows, the actions and the projections can't drift apart.
/// </summary>
public static class EscalationVariables
{
    public const string Protocol = "protocol";
    public const string ChildRef = "childRef";
    public const string LegalStatus = "legalStatus";
    public const string RaiserRole = "raiserRole";
    public const string Raiser = "raiser";
    public const string Category = "category";
    public const string Rag = "rag";
    public const string StartRung = "startRung";
    public const string Summary = "summary";
    public const string ImpactOnChild = "impactOnChild";
    public const string ActionsRequested = "actionsRequested";
    public const string Team = "team";
    public const string Contacts = "contacts";
    public const string Decision = "decision";
    public const string ActionsDueAt = "actionsDueAt";
    public const string BypassTo = "bypassTo";
    public const string BypassReason = "bypassReason";
    public const string GateApproved = "gateApproved";
    public const string Outcome = "outcome";
    public const string ImpactOnLivedExperience = "impactOnLivedExperience";
    public const string Learning = "learning";

    // Written by the domain actions.
    public const string CurrentStage = "currentStage";
    public const string CurrentRungTitle = "currentRungTitle";
    public const string StageEnteredAt = "stageEnteredAt";
    public const string StagesReached = "stagesReached";
    public const string FirstFormalAt = "firstFormalAt";
    public const string PendingGate = "pendingGate";
    public const string CafcassReferredAt = "cafcassReferredAt";
    public const string ResolvedAt = "resolvedAt";

    public const string ChildInCare = "child-in-care";
    public const string ChildProtectionPlan = "child-protection-plan";
    public const string Iro = "IRO";
    public const string CpChair = "CP Chair";
}
