using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflows.Engine.Execution;
using Workflows.Engine.Model;
using Workflows.Engine.Runtime;
using Workflows.Escalations.Protocols;

namespace Workflows.Escalations.Escalating;

/// <summary>
/// The escalation operations in the protocols' own words — start, respond, decide, approve a gate, refer
/// to Cafcass, close, raise a themed concern — checked against the protocol's settings and carried out
/// on its workflow. Knows nothing of HTTP: refusals are <see cref="EscalationException"/>s.
/// An escalation's id is its workflow instance's correlation key, so messages reach it by that id.
/// </summary>
public sealed partial class EscalationService(
    WorkflowRuntime runtime,
    IInstanceStore instances,
    ProtocolCatalogue catalogue,
    EscalationViews views,
    TimeProvider time)
{
    public async Task<EscalationView> StartAsync(StartEscalation request, string? idempotencyKey, string actor,
        CancellationToken ct)
    {
        var protocol = Protocol(request.Protocol);
        StartValidation.Validate(protocol, request, time.GetUtcNow(), catalogue.TimingsFor(protocol.Key).Calendar);

        var id = "esc-" + Guid.CreateVersion7(time.GetUtcNow()).ToString("N");
        var variables = StartVariables(request, id);
        try
        {
            var result = await runtime.StartAsync(new StartInstance(protocol.Key, null, id, variables,
                idempotencyKey is null ? null : $"escalation:{idempotencyKey}", actor), ct);
            return await views.ViewAsync(result.State, ct);
        }
        catch (WorkflowCommandException e) when (e.Kind == WorkflowCommandErrorKind.NotFound)
        {
            throw EscalationException.NotFound($"Protocol '{protocol.Key}' has no published workflow: {e.Message}");
        }
    }

    public async Task<EscalationView> RecordResponseAsync(string id, RecordResponse response, string actor, CancellationToken ct)
    {
        Require(response.Response, "response");
        Require(response.RespondedBy, "respondedBy");
        var state = await LoadAsync(id, ct);
        return await CorrelateOrRefuseAsync(state, "response", new JsonObject
        {
            ["response"] = response.Response, ["respondedBy"] = response.RespondedBy,
            ["respondedAt"] = time.GetUtcNow(),
        }, actor, "no response is awaited at this point", ct);
    }

    public async Task<EscalationView?> GetAsync(string id, CancellationToken ct)
    {
        var state = await FindAsync(id, ct);
        return state is null ? null : await views.ViewAsync(state, ct);
    }

    public Task<EscalationPage> ListAsync(EscalationFilter filter, CancellationToken ct) => views.ListAsync(filter, ct);

    private static JsonObject StartVariables(StartEscalation r, string id)
    {
        var v = new JsonObject
        {
            ["escalationId"] = id,
            [EscalationVariables.Protocol] = r.Protocol,
            [EscalationVariables.ChildRef] = r.ChildRef,
            [EscalationVariables.LegalStatus] = r.LegalStatus,
            [EscalationVariables.RaiserRole] = r.RaiserRole,
            [EscalationVariables.Raiser] = r.Raiser,
            [EscalationVariables.Category] = r.Category,
            [EscalationVariables.Rag] = r.Rag?.ToUpperInvariant(),
            [EscalationVariables.StartRung] = r.StartRung,
            [EscalationVariables.Summary] = r.Summary,
            [EscalationVariables.ImpactOnChild] = r.ImpactOnChild,
            [EscalationVariables.ActionsRequested] = r.ActionsRequested,
            [EscalationVariables.Team] = r.Team,
            [EscalationVariables.BypassReason] = r.BypassReason,
            ["bypassTo"] = r.StartRung,
            ["agreedDate"] = r.AgreedDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["immediateSafeguarding"] = r.ImmediateSafeguarding,
            ["socialWorkerAsye"] = r.SocialWorkerAsye,
        };
        if (r.Contacts is not null)
            v[EscalationVariables.Contacts] = JsonSerializer.SerializeToNode(r.Contacts, JsonOptions);
        return v;
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private ProtocolSettings Protocol(string key) =>
        catalogue.Find(key) ?? throw new EscalationException(EscalationErrorKind.Validation,
            $"Unknown protocol '{key}'. Allowed: {string.Join(", ", catalogue.Keys)}.",
            new Dictionary<string, string[]> { ["protocol"] = [$"Allowed: {string.Join(", ", catalogue.Keys)}"] });

    internal async Task<InstanceState?> FindAsync(string id, CancellationToken ct)
    {
        var found = await instances.QueryAsync(new InstanceQuery(CorrelationKey: id, Take: 1), ct);
        if (found.Count == 0) return null;
        return (await runtime.GetAsync(found[0].InstanceId, ct))?.State;
    }

    private async Task<InstanceState> LoadAsync(string id, CancellationToken ct) =>
        await FindAsync(id, ct) ?? throw EscalationException.NotFound($"Escalation '{id}' was not found.");

    private static void Require(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) throw EscalationException.Invalid(field, $"'{field}' is required.");
    }

    /// <summary>Delivers a message to the escalation; when nothing waits for it, says what the escalation does wait for.</summary>
    private async Task<EscalationView> CorrelateOrRefuseAsync(InstanceState state, string message, JsonObject payload,
        string actor, string refusal, CancellationToken ct)
    {
        EnsureOpen(state);
        var results = await runtime.CorrelateMessageAsync(
            new CorrelateMessage(message, state.CorrelationKey!, payload, actor), ct);
        if (results.Count == 0)
            throw EscalationException.Conflict($"{Capitalise(refusal)}: {await views.DescribeWaitsAsync(state, ct)}");
        return await views.ViewAsync(results[0].State, ct);
    }

    private async Task<EscalationView> CompleteAsync(InstanceState state, string taskId, JsonObject variables,
        string actor, CancellationToken ct)
    {
        var result = await runtime.CompleteUserTaskAsync(
            new CompleteUserTask(state.InstanceId, taskId, variables, actor), ct);
        return await views.ViewAsync(result.State, ct);
    }

    private static void EnsureOpen(InstanceState state)
    {
        if (state.Status != InstanceStatus.Running)
            throw EscalationException.Conflict($"Escalation '{state.CorrelationKey}' is {(state.Status == InstanceStatus.Cancelled ? "cancelled" : "closed")}: nothing more can be done on it.");
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    /// <summary>The open user tasks with their definitions (e.g. IroDecision_2, Gate_QaTeamManager).</summary>
    private async Task<IReadOnlyList<(ActivityInstance Activity, UserTask Task)>> OpenTasksAsync(InstanceState state,
        CancellationToken ct)
    {
        var definition = await runtime.GetDefinitionAsync(state.DefinitionKey, state.DefinitionVersion, ct);
        return state.Activities.Values
            .Where(a => definition.Nodes.TryGetValue(a.NodeId, out var n) && n is UserTask)
            .Select(a => (a, (UserTask)definition.Nodes[a.NodeId]))
            .ToList();
    }
}
