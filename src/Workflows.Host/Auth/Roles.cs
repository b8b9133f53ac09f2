namespace Workflows.Host.Auth;

/// <summary>
/// The roles the host knows. People get theirs from the identity provider's <c>roles</c> claim; a case
/// system (Mosaic, LCS, Carefirst) calling with an API key always has <see cref="CaseSystem"/>.
/// </summary>
public static class Roles
{
    /// <summary>A case system calling with an <c>X-Api-Key</c>.</summary>
    public const string CaseSystem = "CaseSystem";

    /// <summary>An IRO or a CP Chair; which one is in the <see cref="ReviewerRoleClaim"/> claim.</summary>
    public const string Reviewer = "Reviewer";

    /// <summary>A manager on the ladder (Team Manager, Head of Service, …) who responds or approves gates.</summary>
    public const string Manager = "Manager";

    /// <summary>Edits and publishes the protocol workflows in the designer.</summary>
    public const string QaLead = "QaLead";

    /// <summary>Reads everything, history included; never changes anything.</summary>
    public const string Auditor = "Auditor";

    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [CaseSystem, Reviewer, Manager, QaLead, Auditor, Admin];

    /// <summary>Says whether a Reviewer is an IRO (child in care) or a CP Chair (child protection plan).</summary>
    public const string ReviewerRoleClaim = "reviewer_role";
    public const string Iro = "IRO";
    public const string CpChair = "CP Chair";

    /// <summary>The authority (protocol key, or <c>*</c>) an API key acts for.</summary>
    public const string AuthorityClaim = "authority";
}
