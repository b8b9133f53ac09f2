namespace Workflows.Escalations.Escalating;

/// <summary>
/// What a case system or reviewer gives to start an escalation: the protocols record the child, who
/// raised it, the concern category, the impact on the child and the actions requested.
/// </summary>
/// <param name="StartRung">0 = informal; a higher rung is a bypass and needs <paramref name="BypassReason"/>.</param>
/// <param name="AgreedDate">The date agreed with the social worker for the informal rung (001, 003, 004).</param>
/// <param name="SocialWorkerAsye">The social worker is in their ASYE (001: the Team Manager supports the informal rung and is copied in).</param>
public sealed record StartEscalation(
    string Protocol,
    string ChildRef,
    string LegalStatus,
    string RaiserRole,
    string Raiser,
    string Category,
    string? Rag,
    string Summary,
    string ImpactOnChild,
    string ActionsRequested,
    string? Team = null,
    IReadOnlyDictionary<string, Contact>? Contacts = null,
    int StartRung = 0,
    string? BypassReason = null,
    DateOnly? AgreedDate = null,
    bool ImmediateSafeguarding = false,
    bool SocialWorkerAsye = false);

/// <summary>How to reach the person holding a role for this child (social worker, Team Manager…).</summary>
public sealed record Contact(string Name, string? Email = null, string? Phone = null);
