using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Workflows.Engine.Execution;
using Workflows.Engine.Journal;
using Workflows.Engine.Runtime;
using Workflows.Host.Auth;
using Workflows.Host.OpenApi;
using Workflows.Host.Problems;

namespace Workflows.Host.Instances;

/// <summary>
/// <c>/api/instances</c>: running and ended workflow instances — state, journal, and the auditor's
/// verification that the journal is intact and replays to the stored state. Cancelling is for admins.
/// </summary>
public static class InstancesApi
{
    public const int MaxPageSize = 200;

    public static IEndpointRouteBuilder MapInstancesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/instances").WithTags("Instances");
        api.MapGet("/", List).RequireAuthorization(Policies.Read)
            .WithSummary("Instances, newest first, filtered by definition key, version and status.");
        api.MapGet("/{id}", Get).RequireAuthorization(Policies.Read)
            .WithSummary("One instance: status, pinned definition version, open user tasks, armed timers with due instants, variables.");
        api.MapGet("/{id}/journal", Journal).RequireAuthorization(Policies.Read)
            .WithSummary("The instance's journal rows in order, each with its hash-chain columns.");
        api.MapGet("/{id}/verify", Verify).RequireAuthorization(Policies.Read)
            .WithSummary("Checks the journal's hash chain and that replaying it rebuilds the stored state exactly.");
        api.MapPost("/{id}/cancel", Cancel).RequireAuthorization(Policies.OperateInstances)
            .WithSummary("Cancels a running instance (journaled with the reason and who cancelled).")
            .WithRequestExample("""{ "reason": "Started against the wrong child record; re-raised as ESC-1234." }""");
        return app;
    }

    public sealed record CancelRequest([property: Description("Why: recorded in the journal.")] string Reason);

    public static async Task<Results<Ok<InstancePage>, ValidationProblem>> List(IInstanceStore instances,
        string? definitionKey, int? version, string? status, string? correlationKey, int? skip, int? take, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        InstanceStatus? parsedStatus = null;
        if (status is not null)
        {
            if (Enum.TryParse<InstanceStatus>(status, ignoreCase: true, out var s) && !int.TryParse(status, out _)) parsedStatus = s;
            else errors["status"] = [$"Unknown status '{status}'. Allowed: {string.Join(", ", Enum.GetNames<InstanceStatus>().Select(Camel))}."];
        }
        var (pageSkip, pageTake) = Paging(skip, take, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var rows = await instances.QueryAsync(new InstanceQuery(definitionKey, version, parsedStatus, correlationKey,
            pageSkip, pageTake + 1), ct);
        var items = rows.Take(pageTake).Select(r => new InstanceSummaryView(r.InstanceId, r.DefinitionKey, r.DefinitionVersion,
            r.CorrelationKey, r.Status, r.StartedAt, r.EndedAt, r.Version)).ToList();
        return TypedResults.Ok(new InstancePage(items, pageSkip, pageTake, rows.Count > pageTake));
    }

    public static async Task<Results<Ok<InstanceDetail>, ProblemHttpResult>> Get(string id, IInstanceStore instances,
        WorkflowRuntime runtime, CancellationToken ct)
    {
        var stored = await instances.LoadAsync(id, ct);
        if (stored is null) return ApiProblems.NotFound($"Instance '{id}' was not found.");
        var definition = await runtime.GetDefinitionAsync(stored.State.DefinitionKey, stored.State.DefinitionVersion, ct);
        return TypedResults.Ok(InstanceViews.Detail(stored.State, stored.Version, definition));
    }

    public static async Task<Results<Ok<List<JournalRowView>>, ProblemHttpResult>> Journal(string id, IInstanceStore instances,
        CancellationToken ct)
    {
        var rows = await instances.ReadJournalAsync(id, ct);
        if (rows.Count == 0 && await instances.LoadAsync(id, ct) is null) return ApiProblems.NotFound($"Instance '{id}' was not found.");
        return TypedResults.Ok(rows.Select(InstanceViews.Row).ToList());
    }

    public static async Task<Results<Ok<VerificationView>, ProblemHttpResult>> Verify(string id, IInstanceStore instances,
        CancellationToken ct)
    {
        var stored = await instances.LoadAsync(id, ct);
        if (stored is null) return ApiProblems.NotFound($"Instance '{id}' was not found.");
        var journal = await instances.ReadJournalAsync(id, ct);
        var chain = JournalVerifier.Verify(journal, stored.State);
        var replayMatches = chain.IsValid && InstanceStateSerializer.Serialize(JournalReplayer.Replay(journal))
            == InstanceStateSerializer.Serialize(stored.State);
        var reason = chain.IsValid
            ? replayMatches ? null : "Replaying the journal does not rebuild the stored state: the state was changed outside the journal."
            : chain.Reason;
        return TypedResults.Ok(new VerificationView(id, chain.IsValid && replayMatches, chain.IsValid, replayMatches,
            journal.Count, chain.IsValid ? (replayMatches ? null : stored.State.LastSequence) : chain.FailedAtSequence, reason));
    }

    public static async Task<Results<Ok<InstanceDetail>, ValidationProblem>> Cancel(string id, CancelRequest request,
        WorkflowRuntime runtime, ClaimsPrincipal user, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Reason))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["Say why the instance is cancelled."] });
        var result = await runtime.CancelAsync(new CancelInstance(id, request.Reason.Trim(), AuthSetup.ActorOf(user)), ct);
        var definition = await runtime.GetDefinitionAsync(result.State.DefinitionKey, result.State.DefinitionVersion, ct);
        return TypedResults.Ok(InstanceViews.Detail(result.State, result.Version, definition));
    }

    /// <summary>Skip ≥ 0; take 1..<see cref="MaxPageSize"/> (default 50).</summary>
    public static (int Skip, int Take) Paging(int? skip, int? take, Dictionary<string, string[]> errors)
    {
        if (skip is < 0) errors["skip"] = ["Must be 0 or more."];
        if (take is < 1 or > MaxPageSize) errors["take"] = [$"Must be between 1 and {MaxPageSize}."];
        return (Math.Max(skip ?? 0, 0), Math.Clamp(take ?? 50, 1, MaxPageSize));
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
