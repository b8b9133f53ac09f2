using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Workflows.Escalations.Tests.Scenarios;

/// <summary>A protocol's scenario file: <c>Scenarios/&lt;protocol&gt;.scenarios.json</c>.</summary>
public sealed record ScenarioFile(string Protocol, IReadOnlyList<Scenario> Scenarios)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };
}

/// <param name="Rule">The protocol rule the scenario proves, in the document's words.</param>
public sealed record Scenario(string Name, string Rule, ScenarioStart Start, IReadOnlyList<ScenarioStep> Steps,
    ScenarioExpectation Expect);

/// <summary>How the escalation starts. <see cref="At"/> is the instant it is raised (ISO 8601).
/// <see cref="SocialWorkerAsye"/>: the social worker is in their ASYE (001: the Team Manager supports the informal rung).</summary>
public sealed record ScenarioStart(
    DateTimeOffset At,
    int Rung = 0,
    string? Rag = null,
    string RaiserRole = "IRO",
    string LegalStatus = "child-in-care",
    string? Category = null,
    string? BypassReason = null,
    DateOnly? AgreedDate = null,
    bool ImmediateSafeguarding = false,
    ScenarioError? ExpectError = null,
    bool SocialWorkerAsye = false);

/// <summary>
/// One thing that happens. <see cref="Do"/>: <c>advance</c> (only time passes), <c>respond</c>,
/// <c>decide</c>, <c>gate</c>, <c>cafcass</c>, <c>outcome</c>, <c>themed</c>, <c>meeting-resolved</c> (002),
/// <c>safeguarding</c> (001), <c>agree-timescale</c> (date in <see cref="ActionsDueAt"/>), <c>review-theme</c> (002),
/// <c>message</c> (a raw message <see cref="Name"/> with <see cref="Payload"/>), <c>task</c> (complete the open
/// user task whose node id is <see cref="Name"/> with <see cref="Payload"/>), or <c>expect</c> (check <see cref="Check"/> now).
/// Time first moves to <see cref="At"/> (firing every timer due on the way) when it is given.
/// </summary>
public sealed record ScenarioStep(
    string Do,
    DateTimeOffset? At = null,
    string? Decision = null,
    DateOnly? ActionsDueAt = null,
    int? BypassTo = null,
    string? BypassReason = null,
    string? Rag = null,
    string? Gate = null,
    bool? Approved = null,
    string? Name = null,
    JsonObject? Payload = null,
    ScenarioCheck? Check = null,
    ScenarioError? ExpectError = null);

/// <summary>A refusal the step must meet: the error kind and words its message contains.</summary>
public sealed record ScenarioError(string Kind, string? Contains = null);

/// <summary>A check in the middle of a scenario.</summary>
/// <param name="Deadlines">Timer node id → its due instant; each listed timer must be armed with exactly that due.</param>
/// <param name="OpenTasks">Node ids of the user tasks that must be open (exactly these).</param>
/// <param name="Notifications">Every notification requested so far, in order (as in <see cref="ScenarioExpectation.Notifications"/>):
/// checked right after a step that did not move the clock, it proves who was told at that instant (e.g. "the same day").</param>
public sealed record ScenarioCheck(
    string? Stage = null,
    string? Status = null,
    string? Rag = null,
    IReadOnlyDictionary<string, DateTimeOffset>? Deadlines = null,
    IReadOnlyList<string>? OpenTasks = null,
    bool? Overdue = null,
    IReadOnlyList<string>? Notifications = null);

/// <summary>What must be true at the end.</summary>
/// <param name="Rungs">The stages entered, in order (from <c>stagesReached</c>).</param>
/// <param name="Notifications">Every notification requested, in order, as <c>template → recipientRole [cc, cc]</c>.</param>
/// <param name="Effects">Other side effects (case notes, stage entered…) that must appear, as <c>kind</c> or <c>kind:template</c>.</param>
/// <param name="Variables">Variables that must hold these values at the end.</param>
/// <param name="Requests">Every side effect other than notifications, case notes and stage-entered (gate requests,
/// Cafcass referrals, themed concerns, outcomes), in order, as <c>kind → recipientRole [cc, cc]</c>; a gate request
/// is <c>gate-requested:gateKey → recipientRole</c>; a side effect with no recipient is just its kind.</param>
/// <param name="CaseNotes">Case-note texts that must each have been written (exactly, as filled in).</param>
public sealed record ScenarioExpectation(
    string Status,
    IReadOnlyList<string>? Rungs = null,
    IReadOnlyList<string>? Notifications = null,
    IReadOnlyList<string>? Effects = null,
    string? Stage = null,
    IReadOnlyDictionary<string, JsonNode?>? Variables = null,
    IReadOnlyList<string>? OpenTasks = null,
    IReadOnlyList<string>? Requests = null,
    IReadOnlyList<string>? CaseNotes = null);
