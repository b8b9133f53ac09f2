using Microsoft.AspNetCore.Authorization;

namespace Workflows.Host.Auth;

/// <summary>
/// One policy per kind of act. Every endpoint names one (a convention test checks); anything left
/// unnamed falls back to "signed in", never to anonymous.
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in caller: who am I.</summary>
    public const string SignedIn = "signed-in";

    /// <summary>Read definitions, instances, journals, tasks and escalations: every role.</summary>
    public const string Read = "read";

    /// <summary>Save drafts, validate and publish workflows: QA leads and admins only.</summary>
    public const string DesignWorkflows = "design-workflows";

    /// <summary>Cancel a running instance: admins only (it ends a child's escalation outside the protocol).</summary>
    public const string OperateInstances = "operate-instances";

    /// <summary>Complete a user task through the generic engine API: reviewers, managers, admins.</summary>
    public const string CompleteTasks = "complete-tasks";

    /// <summary>Correlate a message through the generic engine API: case systems and admins.</summary>
    public const string SendMessages = "send-messages";

    /// <summary>Start an escalation or raise a themed concern: case systems, reviewers, admins.</summary>
    public const string RaiseEscalations = "raise-escalations";

    /// <summary>Record a rung recipient's response: case systems, reviewers, managers, admins.</summary>
    public const string RespondToEscalations = "respond-to-escalations";

    /// <summary>Decide at a rung and record the outcome: case systems, reviewers, admins.</summary>
    public const string DecideEscalations = "decide-escalations";

    /// <summary>Approve or refuse an approval gate: case systems, managers, QA leads, admins.</summary>
    public const string ApproveGates = "approve-gates";

    /// <summary>Review a themed concern (e.g. Devon's QARSS Manager): case systems, managers, QA leads, admins.</summary>
    public const string ReviewThemedConcerns = "review-themed-concerns";

    /// <summary>
    /// Refer to Cafcass: an IRO (reviewer_role = IRO) or a case system acting for one. A CP Chair
    /// cannot: Cafcass's s.118 referral route is for children in care, whose reviewing officer is an IRO.
    /// </summary>
    public const string ReferToCafcass = "refer-to-cafcass";

    public static void Add(AuthorizationOptions options)
    {
        // Deny by default: an endpoint that forgot its policy still needs a signed-in caller.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();

        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        options.AddPolicy(Read, p => p.RequireRole(Roles.All));
        options.AddPolicy(DesignWorkflows, p => p.RequireRole(Roles.QaLead, Roles.Admin));
        options.AddPolicy(OperateInstances, p => p.RequireRole(Roles.Admin));
        options.AddPolicy(CompleteTasks, p => p.RequireRole(Roles.Reviewer, Roles.Manager, Roles.Admin));
        options.AddPolicy(SendMessages, p => p.RequireRole(Roles.CaseSystem, Roles.Admin));
        options.AddPolicy(RaiseEscalations, p => p.RequireRole(Roles.CaseSystem, Roles.Reviewer, Roles.Admin));
        options.AddPolicy(RespondToEscalations,
            p => p.RequireRole(Roles.CaseSystem, Roles.Reviewer, Roles.Manager, Roles.Admin));
        options.AddPolicy(DecideEscalations, p => p.RequireRole(Roles.CaseSystem, Roles.Reviewer, Roles.Admin));
        options.AddPolicy(ApproveGates, p => p.RequireRole(Roles.CaseSystem, Roles.Manager, Roles.QaLead, Roles.Admin));
        options.AddPolicy(ReviewThemedConcerns,
            p => p.RequireRole(Roles.CaseSystem, Roles.Manager, Roles.QaLead, Roles.Admin));
        options.AddPolicy(ReferToCafcass, p => p.RequireAssertion(c =>
            c.User.IsInRole(Roles.CaseSystem) ||
            (c.User.IsInRole(Roles.Reviewer) && c.User.HasClaim(Roles.ReviewerRoleClaim, Roles.Iro))));
    }
}
