using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Workflows.Escalations.Escalating;
using Workflows.Escalations.Protocols;
using Workflows.Host.Auth;
using Workflows.Host.Instances;
using Workflows.Host.OpenApi;
using Workflows.Host.Problems;

namespace Workflows.Host.Escalations;

/// <summary>
/// <c>/api/escalations</c>: the protocols' operations as case systems and reviewers use them — raise,
/// record a response, decide, approve a gate, refer to Cafcass, close with the outcome, raise a themed
/// concern — and the tracker's queries. An API key acts only for its own authority's protocol.
/// </summary>
public static class EscalationsApi
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static IEndpointRouteBuilder MapEscalationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/escalations").WithTags("Escalations");

        api.MapPost("/", Start).RequireAuthorization(Policies.RaiseEscalations)
            .WithSummary("Raise an escalation under a protocol (send an Idempotency-Key header: a retry then returns the same escalation).")
            .WithDescription("Unknown protocol, category, rung or RAG rating is a 400 problem listing the allowed values.")
            .WithRequestExample(EscalationExamples.Start);
        api.MapGet("/", List).RequireAuthorization(Policies.Read)
            .WithSummary("The tracker: escalations filtered by protocol, rung, RAG, overdue, raiser and team, paged.");
        api.MapGet("/{id}", Get).RequireAuthorization(Policies.Read)
            .WithSummary("One escalation: current rung, RAG, deadlines, open tasks, stages reached, and links to its history.");
        api.MapPost("/{id}/responses", RecordResponse).RequireAuthorization(Policies.RespondToEscalations)
            .WithSummary("Record the current rung's recipient's response.")
            .WithRequestExample(EscalationExamples.Response);
        api.MapPost("/{id}/decisions", Decide).RequireAuthorization(Policies.DecideEscalations)
            .WithSummary("The reviewer's decision: resolve, actions-agreed (with a date), escalate, bypass to a rung (with a reason), or actions-met; may re-rate RAG.")
            .WithRequestExample(EscalationExamples.Decision);
        api.MapPost("/{id}/gates/{gate}/approval", ApproveGate).RequireAuthorization(Policies.ApproveGates)
            .WithSummary("Approve or refuse an approval gate (e.g. the QA Team Manager's agreement before stage 4).")
            .WithRequestExample(EscalationExamples.Gate);
        api.MapPost("/{id}/cafcass-referral", ReferToCafcass).RequireAuthorization(Policies.ReferToCafcass)
            .WithSummary("Refer to Cafcass (an IRO, for a child in care, where the protocol allows it).")
            .WithRequestExample(EscalationExamples.Cafcass);
        api.MapPost("/{id}/outcome", RecordOutcome).RequireAuthorization(Policies.DecideEscalations)
            .WithSummary("Close the escalation with its outcome, the impact on the child's lived experience, and learning.")
            .WithRequestExample(EscalationExamples.Outcome);
        api.MapPost("/{id}/themed-concerns", RaiseThemedConcern).RequireAuthorization(Policies.RaiseEscalations)
            .WithSummary("Raise a themed (systemic) concern arising from this escalation.")
            .WithRequestExample(EscalationExamples.ThemedConcern);
        api.MapPost("/{id}/themed-concerns/review", ReviewThemedConcern).RequireAuthorization(Policies.ReviewThemedConcerns)
            .WithSummary("Record the review of a themed concern by the manager the protocol names (Devon: QARSS Manager).")
            .WithRequestExample("""{ "review": "Evidence confirms a pattern; taken to the Senior Safeguarding Manager." }""");
        api.MapPost("/{id}/timescale", AgreeTimescale).RequireAuthorization(Policies.DecideEscalations)
            .WithSummary("Record the date agreed with the social worker for the informal rung (Blackpool, LCS authority, Northamptonshire).")
            .WithRequestExample("""{ "agreedDate": "2026-03-13" }""");
        api.MapPost("/{id}/meeting-resolution", RecordMeetingResolved).RequireAuthorization(Policies.DecideEscalations)
            .WithSummary("Devon: the resolution meeting resolved the concern; the escalation exits the ladder.")
            .WithRequestExample("""{ "note": "Agreed at the meeting: respite placement confirmed." }""");
        api.MapPost("/{id}/safeguarding-concerns", RaiseSafeguardingConcern).RequireAuthorization(Policies.RaiseEscalations)
            .WithSummary("Blackpool: an immediate safeguarding concern, for the Service Manager within 24 hours.")
            .WithRequestExample("""{ "detail": "Child disclosed an incident at the placement last night." }""");
        return app;
    }

    /// <summary>An escalation and where to find its history.</summary>
    public sealed record EscalationResource(EscalationView Escalation, EscalationLinks Links);

    public sealed record EscalationLinks(string Self, string Instance, string History, string Verify);

    public sealed record EscalationListResponse(IReadOnlyList<EscalationResource> Items, int Total, int Skip, int Take);

    public sealed record GateApprovalRequest(
        [property: Description("true = approved; false = refused.")] bool Approved,
        [property: Description("Why, or conditions.")] string? Note = null,
        [property: Description("Who approved, when a case system records it for them; a person's own name is used otherwise.")]
        string? ApprovedBy = null);

    public sealed record ThemedConcernReview([property: Description("The reviewer's finding.")] string Review);

    public sealed record TimescaleRequest([property: Description("The date agreed for resolution (yyyy-mm-dd).")] DateOnly AgreedDate);

    public sealed record MeetingResolution([property: Description("What the meeting agreed.")] string Note);

    public sealed record SafeguardingConcern([property: Description("What happened (never logged).")] string Detail);

    public static async Task<Results<Created<EscalationResource>, ValidationProblem, ProblemHttpResult>> Start(
        StartEscalation request, HttpRequest http, EscalationService escalations, ClaimsPrincipal user, CancellationToken ct)
    {
        if (CallerScope.Refuse(user, request.Protocol) is { } refused) return refused;
        if (CallerScope.ReviewerMismatch(user, request.RaiserRole) is { } mismatch) return mismatch;
        var key = http.Headers[IdempotencyKeyHeader].ToString();
        if (key.Length > 200 || key.Any(char.IsControl))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [IdempotencyKeyHeader] = ["At most 200 printable characters."],
            });
        // Scoped to the caller, so one case system's key can never return another's escalation.
        var scopedKey = string.IsNullOrEmpty(key) ? null : $"{AuthSetup.ActorOf(user)}/{key}";
        var view = await escalations.StartAsync(request, scopedKey, AuthSetup.ActorOf(user), ct);
        var resource = Resource(view);
        return TypedResults.Created(resource.Links.Self, resource);
    }

    public static async Task<Results<Ok<EscalationListResponse>, ValidationProblem, ProblemHttpResult>> List(
        EscalationService escalations, ProtocolCatalogue catalogue, ClaimsPrincipal user, string? protocol, string? rung,
        string? rag, bool? overdue, string? raiser, string? team, bool? open, int? skip, int? take, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var (pageSkip, pageTake) = InstancesApi.Paging(skip, take, errors);
        TrackerFilters.Check(catalogue, protocol, rung, rag, raiser, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var authority = CallerScope.Authority(user);
        if (authority is not null)
        {
            if (protocol is not null && !string.Equals(protocol, authority, StringComparison.Ordinal))
                return CallerScope.Refuse(user, protocol)!;
            protocol = authority;
        }
        var page = await escalations.ListAsync(new EscalationFilter(protocol, rung, rag?.ToUpperInvariant(), overdue, raiser, team,
            open, pageSkip, pageTake), ct);
        return TypedResults.Ok(new EscalationListResponse(page.Items.Select(Resource).ToList(), page.Total, page.Skip, page.Take));
    }

    public static async Task<Results<Ok<EscalationResource>, ProblemHttpResult>> Get(string id, EscalationService escalations,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var view = await escalations.GetAsync(id, ct);
        if (view is null || CallerScope.Refuse(user, view.Protocol) is not null)
            return ApiProblems.NotFound($"Escalation '{id}' was not found.");
        return TypedResults.Ok(Resource(view));
    }

    public static Task<Results<Ok<EscalationResource>, ProblemHttpResult>> RecordResponse(string id, RecordResponse request,
        EscalationService escalations, ClaimsPrincipal user, CancellationToken ct) =>
        OnEscalation(id, escalations, user, ct, actor => escalations.RecordResponseAsync(id, request, actor, ct));

    public static Task<Results<Ok<EscalationResource>, ProblemHttpResult>> Decide(string id, IroDecision request,
        EscalationService escalations, ClaimsPrincipal user, CancellationToken ct) =>
        OnEscalation(id, escalations, user, ct, actor => escalations.DecideAsync(id, request, actor, ct));

    public static Task<Results<Ok<EscalationResource>, ProblemHttpResult>> ApproveGate(string id, string gate,
        GateApprovalRequest request, EscalationService escalations, ClaimsPrincipal user, CancellationToken ct)
    {
        var approvedBy = user.IsInRole(Roles.CaseSystem) && !string.IsNullOrWhiteSpace(request.ApprovedBy)
            ? request.ApprovedBy!
            : user.Identity?.Name ?? AuthSetup.ActorOf(user);
        return OnEscalation(id, escalations, user, ct, actor =>
            escalations.ApproveGateAsync(id, gate, new GateApproval(request.Approved, approvedBy, request.Note), actor, ct));
    }

    public static Task<Results<Ok<EscalationResource>, ProblemHttpResult>> ReferToCafcass(string id, CafcassReferral request,
        EscalationService escalations, ClaimsPrincipal user, CancellationToken ct) =>
        OnEscalation(id, escalations, user, ct, actor => escalations.ReferToCafcassAsync(id, request, actor, ct));

    public static Task<Results<Ok<EscalationResource>, ProblemHttpResult>> RecordOutcome(string id, EscalationOutcome request,
        EscalationService escalations, ClaimsPrincipal user, CancellationToken ct) =>
        OnEscalation(id, escalations, user, ct, actor => escalations.RecordOutcomeAsync(id, request, actor, ct));

    public static Task<Results<Ok<EscalationResource>, ProblemHttpResult>> RaiseThemedConcern(string id, ThemedConcern request,
        EscalationService escalations, ClaimsPrincipal user, CancellationToken ct) =>
        OnEscalation(id, escalations, user, ct, actor => escalations.RaiseThemedConcernAsync(id, request, actor, ct));

    public static Task<Results<Ok<EscalationResource>, ProblemHttpResult>> ReviewThemedConcern(string id,
        ThemedConcernReview request, EscalationService escalations, ClaimsPrincipal user, CancellationToken ct) =>
        OnEscalation(id, escalations, user, ct, actor => escalations.ReviewThemedConcernAsync(id, request.Review, actor, ct));

    public static Task<Results<Ok<EscalationResource>, ProblemHttpResult>> AgreeTimescale(string id, TimescaleRequest request,
        EscalationService escalations, ClaimsPrincipal user, CancellationToken ct) =>
        OnEscalation(id, escalations, user, ct, actor => escalations.AgreeTimescaleAsync(id, request.AgreedDate, actor, ct));

    public static Task<Results<Ok<EscalationResource>, ProblemHttpResult>> RecordMeetingResolved(string id,
        MeetingResolution request, EscalationService escalations, ClaimsPrincipal user, CancellationToken ct) =>
        OnEscalation(id, escalations, user, ct, actor => escalations.RecordMeetingResolvedAsync(id, request.Note, actor, ct));

    public static Task<Results<Ok<EscalationResource>, ProblemHttpResult>> RaiseSafeguardingConcern(string id,
        SafeguardingConcern request, EscalationService escalations, ClaimsPrincipal user, CancellationToken ct) =>
        OnEscalation(id, escalations, user, ct, actor => escalations.RaiseSafeguardingConcernAsync(id, request.Detail, actor, ct));

    /// <summary>Checks the caller may act on this escalation's protocol, then runs the operation.</summary>
    private static async Task<Results<Ok<EscalationResource>, ProblemHttpResult>> OnEscalation(string id,
        EscalationService escalations, ClaimsPrincipal user, CancellationToken ct, Func<string, Task<EscalationView>> operation)
    {
        if (CallerScope.Authority(user) is not null)
        {
            var existing = await escalations.GetAsync(id, ct);
            if (existing is null || CallerScope.Refuse(user, existing.Protocol) is not null)
                return ApiProblems.NotFound($"Escalation '{id}' was not found.");
        }
        return TypedResults.Ok(Resource(await operation(AuthSetup.ActorOf(user))));
    }

    public static EscalationResource Resource(EscalationView view) => new(view, new EscalationLinks(
        Self: $"/api/escalations/{Uri.EscapeDataString(view.Id)}",
        Instance: $"/api/instances/{view.InstanceId}",
        History: $"/api/instances/{view.InstanceId}/journal",
        Verify: $"/api/instances/{view.InstanceId}/verify"));
}
