using System.Globalization;
using System.Text.Json.Nodes;

namespace Workflows.Escalations.Escalating;

public sealed partial class EscalationService
{
    /// <summary>
    /// The IRO's decision. Resolve / actions agreed / escalate answer the open decision task of the rung;
    /// a bypass may come at any point (the protocols let the IRO go straight to the rung the issue needs)
    /// and needs a recorded reason; actions met ends the monitoring of agreed actions.
    /// </summary>
    public async Task<EscalationView> DecideAsync(string id, IroDecision decision, string actor, CancellationToken ct)
    {
        var state = await LoadAsync(id, ct);
        EnsureOpen(state);
        var protocol = Protocol(state.DefinitionKey);
        var verb = decision.Decision?.Trim().ToLowerInvariant() ?? "";
        if (!Decisions.All.Contains(verb))
            throw EscalationException.Invalid("decision", $"Unknown decision '{decision.Decision}'. Allowed: {string.Join(", ", Decisions.All)}.");
        if (decision.Rag is not null) StartValidation.ValidateRag(protocol, decision.Rag);

        var variables = new JsonObject { [EscalationVariables.Decision] = verb, ["decisionNote"] = decision.Note };
        if (decision.Rag is not null) variables[EscalationVariables.Rag] = decision.Rag.ToUpperInvariant();

        switch (verb)
        {
            case Decisions.ActionsMet:
                return await CorrelateOrRefuseAsync(state, "actions-met", variables, actor,
                    "no agreed actions are being monitored", ct);
            case Decisions.ActionsAgreed:
                var today = catalogue.TimingsFor(protocol.Key).Calendar.LocalDateOf(time.GetUtcNow());
                if (decision.ActionsDueAt is not { } due || due < today)
                    throw EscalationException.Invalid("actionsDueAt", "Actions agreed need the date they are due by, today or later.");
                variables[EscalationVariables.ActionsDueAt] = due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                break;
            case Decisions.Bypass:
                StartValidation.ValidateBypass(protocol, decision.BypassTo, decision.BypassReason);
                variables[EscalationVariables.BypassTo] = decision.BypassTo;
                variables[EscalationVariables.BypassReason] = decision.BypassReason;
                break;
        }

        var open = await OpenTasksAsync(state, ct);
        var decisionTask = open.FirstOrDefault(t => t.Task.Id.StartsWith("IroDecision", StringComparison.Ordinal));
        if (decisionTask.Activity is not null)
            return await CompleteAsync(state, decisionTask.Activity.Id, variables, actor, ct);
        if (verb == Decisions.Bypass)
            return await CorrelateOrRefuseAsync(state, "bypass", variables, actor, "a bypass is not possible at this point", ct);
        throw EscalationException.Conflict(
            $"No decision is awaited at this point: {await views.DescribeWaitsAsync(state, ct)}");
    }

    /// <summary>An approval gate's answer; refused gates keep the escalation where it is.</summary>
    public async Task<EscalationView> ApproveGateAsync(string id, string gate, GateApproval approval, string actor,
        CancellationToken ct)
    {
        Require(approval.ApprovedBy, "approvedBy");
        var state = await LoadAsync(id, ct);
        EnsureOpen(state);
        var protocol = Protocol(state.DefinitionKey);
        if (!protocol.Gates.ContainsKey(gate))
            throw new EscalationException(EscalationErrorKind.NotFound,
                $"Protocol '{protocol.Key}' has no gate '{gate}'. Its gates: {string.Join(", ", protocol.Gates.Keys)}.");

        var open = await OpenTasksAsync(state, ct);
        var task = open.FirstOrDefault(t => t.Task.Extensions.TryGetValue("gate", out var g) && g == gate);
        if (task.Activity is null)
            throw EscalationException.Conflict($"Gate '{gate}' is not awaiting an answer: {await views.DescribeWaitsAsync(state, ct)}");
        return await CompleteAsync(state, task.Activity.Id, new JsonObject
        {
            [EscalationVariables.GateApproved] = approval.Approved,
            ["gateNote"] = approval.Note,
            ["gateDecidedBy"] = approval.ApprovedBy,
        }, actor, ct);
    }

    /// <summary>
    /// Cafcass referral: only an IRO, only for a child in care (IRO Handbook; s.118 Adoption and Children
    /// Act 2002) — never a CP Chair or a child on a child protection plan — and only when the protocol's
    /// workflow is ready for it (any time in 000/002/004, after the ladder in 001/003).
    /// </summary>
    public async Task<EscalationView> ReferToCafcassAsync(string id, CafcassReferral referral, string actor, CancellationToken ct)
    {
        Require(referral.Reason, "reason");
        var state = await LoadAsync(id, ct);
        EnsureOpen(state);
        var raiser = (string?)state.Variables[EscalationVariables.RaiserRole];
        var legal = (string?)state.Variables[EscalationVariables.LegalStatus];
        if (raiser != EscalationVariables.Iro || legal != EscalationVariables.ChildInCare)
            throw EscalationException.Conflict(
                $"Only an IRO may refer a child in care to Cafcass; this escalation was raised by a {raiser} about a child on {Describe(legal)}.");
        var protocol = Protocol(state.DefinitionKey);
        if (protocol.Cafcass is { Allowed: false })
            throw EscalationException.Conflict($"Protocol '{protocol.Key}' has no Cafcass route.");
        return await CorrelateOrRefuseAsync(state, "cafcass-referral", new JsonObject
        {
            ["cafcassReason"] = referral.Reason,
            ["independentLegalAdviceTaken"] = referral.IndependentLegalAdviceTaken,
        }, actor, protocol.Cafcass?.When == "after-ladder"
            ? "in this protocol Cafcass is considered only once the ladder is exhausted"
            : "a Cafcass referral is not possible at this point", ct);
    }

    /// <summary>Closing: outcome and impact on the child's lived experience (and learning where recorded).</summary>
    public async Task<EscalationView> RecordOutcomeAsync(string id, EscalationOutcome outcome, string actor, CancellationToken ct)
    {
        Require(outcome.Outcome, "outcome");
        Require(outcome.ImpactOnLivedExperience, "impactOnLivedExperience");
        var state = await LoadAsync(id, ct);
        EnsureOpen(state);
        var variables = new JsonObject
        {
            [EscalationVariables.Outcome] = outcome.Outcome,
            [EscalationVariables.ImpactOnLivedExperience] = outcome.ImpactOnLivedExperience,
            [EscalationVariables.Learning] = outcome.Learning,
        };
        var open = await OpenTasksAsync(state, ct);
        var task = open.FirstOrDefault(t => t.Task.Id.StartsWith("RecordOutcome", StringComparison.Ordinal));
        if (task.Activity is not null) return await CompleteAsync(state, task.Activity.Id, variables, actor, ct);
        return await CorrelateOrRefuseAsync(state, "close", variables, actor, "the escalation cannot be closed at this point", ct);
    }

    /// <summary>A systemic issue beyond this child, sent on the protocol's themed-concern route.</summary>
    public async Task<EscalationView> RaiseThemedConcernAsync(string id, ThemedConcern concern, string actor, CancellationToken ct)
    {
        Require(concern.Theme, "theme");
        Require(concern.Detail, "detail");
        var state = await LoadAsync(id, ct);
        return await CorrelateOrRefuseAsync(state, "themed-concern",
            new JsonObject { ["theme"] = concern.Theme, ["themeDetail"] = concern.Detail }, actor,
            $"protocol '{state.DefinitionKey}' has no themed-concern route open", ct);
    }

    private static string Describe(string? legalStatus) => legalStatus switch
    {
        EscalationVariables.ChildProtectionPlan => "a child protection plan",
        EscalationVariables.ChildInCare => "care",
        _ => legalStatus ?? "an unknown legal status",
    };
}
