using Workflows.Escalations.Calendar;
using Workflows.Escalations.Protocols;

namespace Workflows.Escalations.Escalating;

/// <summary>
/// Checks a start (and the parts of a decision) against the protocol: its categories, rungs, RAG table,
/// and who may raise for which child. Collects every problem so a case system can fix them in one go.
/// </summary>
internal static class StartValidation
{
    private static readonly string[] LegalStatuses = [EscalationVariables.ChildInCare, EscalationVariables.ChildProtectionPlan];
    private static readonly string[] RaiserRoles = [EscalationVariables.Iro, EscalationVariables.CpChair];

    public static void Validate(ProtocolSettings protocol, StartEscalation r, DateTimeOffset now, WorkingDayCalendar calendar)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];

        foreach (var (field, value) in new[]
                 {
                     ("childRef", r.ChildRef), ("raiser", r.Raiser), ("summary", r.Summary),
                     ("impactOnChild", r.ImpactOnChild), ("actionsRequested", r.ActionsRequested),
                 })
            if (string.IsNullOrWhiteSpace(value)) Fail(field, $"'{field}' is required.");

        if (!LegalStatuses.Contains(r.LegalStatus))
            Fail("legalStatus", $"Unknown legal status '{r.LegalStatus}'. Allowed: {string.Join(", ", LegalStatuses)}.");
        if (!RaiserRoles.Contains(r.RaiserRole))
            Fail("raiserRole", $"Unknown raiser role '{r.RaiserRole}'. Allowed: {string.Join(", ", RaiserRoles)}.");
        // The IRO reviews a child in care; the CP Chair chairs conferences for a child on a plan.
        else if (r.RaiserRole == EscalationVariables.Iro && r.LegalStatus == EscalationVariables.ChildProtectionPlan
                 || r.RaiserRole == EscalationVariables.CpChair && r.LegalStatus == EscalationVariables.ChildInCare)
            Fail("raiserRole", $"An {r.RaiserRole} does not raise concerns for a child with legal status '{r.LegalStatus}': IROs review children in care, CP Chairs children on a child protection plan.");

        if (!protocol.Categories.Contains(r.Category, StringComparer.OrdinalIgnoreCase))
            Fail("category", $"Unknown concern category '{r.Category}'. Allowed: {string.Join("; ", protocol.Categories)}.");

        if (protocol.RagTable is { Count: > 0 } table)
        {
            if (r.Rag is null) Fail("rag", $"This protocol's windows are RAG-rated: give one of {string.Join(", ", table.Keys)}.");
            else if (!table.Keys.Contains(r.Rag, StringComparer.OrdinalIgnoreCase))
                Fail("rag", $"Unknown RAG rating '{r.Rag}'. Allowed: {string.Join(", ", table.Keys)}.");
        }
        else if (r.Rag is not null && !new[] { "GREEN", "AMBER", "RED" }.Contains(r.Rag, StringComparer.OrdinalIgnoreCase))
            Fail("rag", $"Unknown RAG rating '{r.Rag}'. Allowed: GREEN, AMBER, RED.");

        var stages = protocol.Rungs.Select(x => x.Stage).ToList();
        if (!stages.Contains(r.StartRung))
            Fail("startRung", $"Unknown rung {r.StartRung}. Allowed: {string.Join(", ", stages)}.");
        // Starting above the first rung is a bypass: a rung that only follows the ladder (003's Cafcass referral,
        // "IROs – please refer to: Referral to Cafcass" after Level 4) cannot be started at either.
        else if (r.StartRung > stages.Min() && protocol.Rungs.Single(x => x.Stage == r.StartRung) is { Bypassable: false } rung)
            Fail("startRung", $"'{rung.Title}' cannot be reached by a bypass in this protocol: it follows the ladder.");
        else if (r.StartRung > stages.Min() && string.IsNullOrWhiteSpace(r.BypassReason))
            Fail("bypassReason", "Starting above the first rung is a bypass: record the reason (urgency or seriousness).");

        if (r.AgreedDate is { } agreed && agreed < calendar.LocalDateOf(now))
            Fail("agreedDate", "The agreed date cannot be in the past.");

        if (errors.Count > 0)
            throw new EscalationException(EscalationErrorKind.Validation, "The escalation cannot start: see errors.", errors);
    }

    public static void ValidateRag(ProtocolSettings protocol, string rag)
    {
        var allowed = protocol.RagTable is { Count: > 0 } t ? t.Keys.ToArray() : ["GREEN", "AMBER", "RED"];
        if (!allowed.Contains(rag, StringComparer.OrdinalIgnoreCase))
            throw EscalationException.Invalid("rag", $"Unknown RAG rating '{rag}'. Allowed: {string.Join(", ", allowed)}.");
    }

    public static void ValidateBypass(ProtocolSettings protocol, int? to, string? reason)
    {
        var stages = protocol.Rungs.Select(x => x.Stage).ToList();
        if (to is not { } stage || !stages.Contains(stage))
            throw EscalationException.Invalid("bypassTo", $"A bypass needs the rung to go to. Allowed: {string.Join(", ", stages)}.");
        if (protocol.Rungs.Single(r => r.Stage == stage) is { Bypassable: false } rung)
            throw EscalationException.Invalid("bypassTo", $"'{rung.Title}' cannot be reached by a bypass in this protocol: it follows the ladder.");
        if (string.IsNullOrWhiteSpace(reason))
            throw EscalationException.Invalid("bypassReason", "A bypass needs its reason recorded.");
    }
}
