using static Workflows.Host.Tests.Infrastructure.Caller;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Auth;

/// <summary>
/// Who may call what: the role matrix the tests prove, one row per endpoint. Every caller not listed as
/// allowed must get 403; anonymous always gets 401.
/// </summary>
public static class EndpointPolicies
{
    public sealed record Row(string Method, string Url, string? Body, Caller[] Allowed, string ContentType = "application/json");

    private static readonly Caller[] Everyone = [CaseSystem, Iro, CpChair, Manager, QaLead, Auditor, Admin];
    private static readonly Caller[] Raise = [CaseSystem, Iro, CpChair, Admin];
    private static readonly Caller[] Decide = [CaseSystem, Iro, CpChair, Admin];
    private const string Xml = "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"/>";

    public static readonly IReadOnlyList<Row> Rows =
    [
        new("GET", "/api/me", null, Everyone),
        new("GET", "/api/workflows", null, Everyone),
        new("GET", "/api/workflows/authz-test/versions/1/xml", null, Everyone),
        new("GET", "/api/workflows/authz-test/draft", null, Everyone),
        new("GET", "/api/workflows/authz-test/settings", null, Everyone),
        new("PUT", "/api/workflows/authz-test/draft", Xml, [QaLead, Admin], "application/xml"),
        new("POST", "/api/workflows/authz-test/validate", Xml, [QaLead, Admin], "application/xml"),
        new("POST", "/api/workflows/authz-none/publish", null, [QaLead, Admin]),
        new("GET", "/api/instances", null, Everyone),
        new("GET", "/api/instances/none", null, Everyone),
        new("GET", "/api/instances/none/journal", null, Everyone),
        new("GET", "/api/instances/none/verify", null, Everyone),
        new("POST", "/api/instances/none/cancel", """{"reason":"test"}""", [Admin]),
        new("GET", "/api/tasks", null, Everyone),
        new("POST", "/api/tasks/none/none/complete", "{}", [Iro, CpChair, Manager, Admin]),
        new("POST", "/api/messages", """{"name":"none","correlationKey":"none"}""", [CaseSystem, Admin]),
        new("POST", "/api/escalations", "{}", Raise),
        new("GET", "/api/escalations", null, Everyone),
        new("GET", "/api/escalations/esc-none", null, Everyone),
        new("POST", "/api/escalations/esc-none/responses", """{"response":"x","respondedBy":"y"}""", [CaseSystem, Iro, CpChair, Manager, Admin]),
        new("POST", "/api/escalations/esc-none/decisions", """{"decision":"resolve"}""", Decide),
        new("POST", "/api/escalations/esc-none/gates/g/approval", """{"approved":true}""", [CaseSystem, Manager, QaLead, Admin]),
        new("POST", "/api/escalations/esc-none/cafcass-referral", """{"reason":"x"}""", [CaseSystem, Iro]),
        new("POST", "/api/escalations/esc-none/outcome", """{"outcome":"x","impactOnLivedExperience":"y"}""", Decide),
        new("POST", "/api/escalations/esc-none/themed-concerns", """{"theme":"x","detail":"y"}""", Raise),
        new("POST", "/api/escalations/esc-none/themed-concerns/review", """{"review":"x"}""", [CaseSystem, Manager, QaLead, Admin]),
        new("POST", "/api/escalations/esc-none/timescale", """{"agreedDate":"2026-03-10"}""", Decide),
        new("POST", "/api/escalations/esc-none/meeting-resolution", """{"note":"x"}""", Decide),
        new("POST", "/api/escalations/esc-none/safeguarding-concerns", """{"detail":"x"}""", Raise),
    ];

    public static IEnumerable<object[]> Cases() =>
        from index in Enumerable.Range(0, Rows.Count)
        from caller in Enum.GetValues<Caller>()
        select new object[] { index, caller };
}
