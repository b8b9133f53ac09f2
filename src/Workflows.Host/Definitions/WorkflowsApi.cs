using System.ComponentModel;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Workflows.Engine.Parsing;
using Workflows.Engine.Runtime;
using Workflows.Escalations.Protocols;
using Workflows.Host.Auth;
using Workflows.Host.Http;
using Workflows.Host.OpenApi;
using Workflows.Host.Problems;

namespace Workflows.Host.Definitions;

/// <summary>
/// <c>/api/workflows</c>: the protocol definitions. Anyone signed in reads them; only QA leads and admins
/// save drafts, validate and publish. Publishing adds a version; running instances stay on theirs.
/// </summary>
public static class WorkflowsApi
{
    public static IEndpointRouteBuilder MapWorkflowsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/workflows").WithTags("Workflows");

        api.MapGet("/", List).RequireAuthorization(Policies.Read)
            .WithSummary("Every definition key with its versions, whether it has a draft, and running instances per version.");
        api.MapGet("/{key}/versions/{version:int}/xml", GetVersionXml).RequireAuthorization(Policies.Read)
            .WithSummary("The BPMN XML of one stored version.")
            .Produces<string>(StatusCodes.Status200OK, "application/xml");
        api.MapGet("/{key}/draft", GetDraft).RequireAuthorization(Policies.Read)
            .WithSummary("The saved draft's BPMN XML (404 when there is none).")
            .Produces<string>(StatusCodes.Status200OK, "application/xml");
        api.MapPut("/{key}/draft", SaveDraft).RequireAuthorization(Policies.DesignWorkflows)
            .WithSummary("Save the draft (application/xml or text/xml, at most the BPMN body limit, default 2 MiB).")
            .WithDescription("Saving never publishes: the draft may still have validation errors, which the response lists.")
            .Accepts<string>(false, "application/xml", "text/xml")
            .WithBodySizeLimit(BpmnLimit(app));
        api.MapPost("/{key}/validate", Validate).RequireAuthorization(Policies.DesignWorkflows)
            .WithSummary("Validate a BPMN document (the body) as it would be at publish, without storing it.")
            .Accepts<string>(false, "application/xml", "text/xml")
            .WithBodySizeLimit(BpmnLimit(app));
        api.MapPost("/{key}/publish", Publish).RequireAuthorization(Policies.DesignWorkflows)
            .WithSummary("Publish the saved draft as the next version (422 with the errors while any remain).");
        api.MapGet("/{key}/settings", GetSettings).RequireAuthorization(Policies.Read)
            .WithSummary("The protocol's settings (roles, templates, gates) for the designer's dropdowns.");
        return app;
    }

    private static long BpmnLimit(IEndpointRouteBuilder app) =>
        app.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<LimitsOptions>>().Value.BpmnBodyBytes;

    public sealed record WorkflowSummary(string Key, string Name, bool HasDraft, IReadOnlyList<WorkflowVersion> Versions);

    public sealed record WorkflowVersion(int Version, bool Published, string ContentHash, DateTimeOffset CreatedAt,
        int RunningInstances);

    public sealed record ValidationErrorResponse(string? ElementId, string ElementType, string Message);

    public sealed record ValidationResponse(bool Valid, IReadOnlyList<ValidationErrorResponse> Errors);

    public sealed record DraftSaved(string Key, DateTimeOffset SavedAt, bool Valid, IReadOnlyList<ValidationErrorResponse> Errors);

    public sealed record Published([property: Description("The definition key.")] string Key,
        [property: Description("The version now started by new instances.")] int Version);

    public static async Task<Ok<List<WorkflowSummary>>> List(IDefinitionStore definitions, RunningInstanceCounts counts,
        CancellationToken ct)
    {
        var records = await definitions.ListAsync(ct);
        var running = await counts.ByVersionAsync(ct);
        var result = new List<WorkflowSummary>();
        foreach (var group in records.GroupBy(r => r.Key).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var latest = group.MaxBy(r => r.Version)!;
            // A draft that is exactly the latest version (e.g. just published) is not a pending change.
            var hasDraft = await definitions.GetDraftAsync(group.Key, ct) is { } draft
                           && DefinitionRecord.HashOf(draft) != latest.ContentHash;
            result.Add(new WorkflowSummary(group.Key, latest.Name, hasDraft, group.OrderBy(r => r.Version)
                .Select(r => new WorkflowVersion(r.Version, r.Published, r.ContentHash, r.CreatedAt,
                    running.GetValueOrDefault((r.Key, r.Version))))
                .ToList()));
        }
        return TypedResults.Ok(result);
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetVersionXml(string key, int version,
        IDefinitionStore definitions, CancellationToken ct)
    {
        var record = await definitions.GetAsync(key, version, ct);
        return record is null
            ? ApiProblems.NotFound($"Workflow '{key}' has no version {version}.")
            : TypedResults.Text(record.Xml, "application/xml");
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetDraft(string key, IDefinitionStore definitions,
        CancellationToken ct)
    {
        var draft = await definitions.GetDraftAsync(key, ct);
        return draft is null ? ApiProblems.NotFound($"Workflow '{key}' has no draft.") : TypedResults.Text(draft, "application/xml");
    }

    public static async Task<Results<Ok<DraftSaved>, ValidationProblem>> SaveDraft(string key, HttpRequest request,
        IDefinitionStore definitions, WorkflowValidator validator, TimeProvider time, CancellationToken ct)
    {
        if (InvalidKey(key) is { } invalidKey) return invalidKey;
        var xml = await XmlBody.ReadAsync(request, ct);
        if (XmlBody.WellFormednessError(xml) is { } notXml)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [notXml] },
                title: "The body is not well-formed XML.");
        var at = time.GetUtcNow();
        await definitions.SaveDraftAsync(key, xml, at, ct);
        var errors = validator.Validate(key, xml).Select(ToResponse).ToList();
        return TypedResults.Ok(new DraftSaved(key, at, errors.Count == 0, errors));
    }

    public static async Task<Results<Ok<ValidationResponse>, ValidationProblem>> Validate(string key, HttpRequest request,
        WorkflowValidator validator, CancellationToken ct)
    {
        if (InvalidKey(key) is { } invalidKey) return invalidKey;
        var xml = await XmlBody.ReadAsync(request, ct);
        var errors = validator.Validate(key, xml).Select(ToResponse).ToList();
        return TypedResults.Ok(new ValidationResponse(errors.Count == 0, errors));
    }

    public static async Task<Results<Ok<Published>, ProblemHttpResult>> Publish(string key, IDefinitionStore definitions,
        WorkflowValidator validator, ProtocolCatalogue catalogue, TimeProvider time, ILoggerFactory loggers, CancellationToken ct)
    {
        var xml = await definitions.GetDraftAsync(key, ct);
        if (xml is null)
            return ApiProblems.NotFound($"Workflow '{key}' has no draft to publish: save one first (PUT /api/workflows/{key}/draft).");
        var errors = validator.Validate(key, xml);
        if (errors.Count > 0)
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "The draft has validation errors; fix them before publishing.",
                Detail = $"{errors.Count} error(s). The first: {errors[0]}",
                Extensions = { ["errors"] = errors.Select(ToResponse).ToList() },
            });
        // A shipped protocol keeps its settings' name (as seeded); any other workflow takes its BPMN name.
        var name = catalogue.Find(key)?.Name ?? validator.Parse(xml).Definition?.Name ?? key;
        var record = await definitions.PublishAsync(key, name, xml, time.GetUtcNow(), ct);
        loggers.CreateLogger(typeof(WorkflowsApi)).LogInformation("Workflow {Key} published as version {Version} ({ContentHash})",
            key, record.Version, record.ContentHash);
        return TypedResults.Ok(new Published(record.Key, record.Version));
    }

    public static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> GetSettings(string key, IProtocolSettingsSource settings,
        CancellationToken ct)
    {
        var found = await settings.GetAsync(key, ct);
        return found is null ? ApiProblems.NotFound($"No protocol settings for '{key}'.") : TypedResults.Ok(found);
    }

    private static ValidationErrorResponse ToResponse(ValidationError e) => new(e.ElementId, e.ElementType, e.Message);

    private static ValidationProblem? InvalidKey(string key) => DefinitionKeys.IsValid(key)
        ? null
        : TypedResults.ValidationProblem(new Dictionary<string, string[]>
        {
            ["key"] = [$"A workflow key is lower-case letters, digits and hyphens (pattern {DefinitionKeys.Pattern})."],
        });
}
