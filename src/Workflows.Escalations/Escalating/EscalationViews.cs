using System.Text.Json.Nodes;
using Workflows.Engine.Execution;
using Workflows.Engine.Model;
using Workflows.Engine.Runtime;
using Workflows.Escalations.Protocols;

namespace Workflows.Escalations.Escalating;

/// <summary>
/// Reads an escalation's instance state as the tracker sees it: the current rung, RAG, every deadline
/// (armed timers with their stored due instants), open tasks, stages reached, and whether it is overdue.
/// </summary>
public sealed class EscalationViews(WorkflowRuntime runtime, IInstanceStore instances, ProtocolCatalogue catalogue,
    TimeProvider time)
{
    public async Task<EscalationView> ViewAsync(InstanceState state, CancellationToken ct)
    {
        var definition = await runtime.GetDefinitionAsync(state.DefinitionKey, state.DefinitionVersion, ct);
        var v = state.Variables;
        var now = time.GetUtcNow();

        var deadlines = state.Timers.Values
            .OrderBy(t => t.DueAt)
            .Select(t => new Deadline(t.NodeId, definition.Nodes.GetValueOrDefault(t.NodeId)?.Name, t.DueAt))
            .ToList();
        var tasks = state.Activities.Values
            .Where(a => definition.Nodes.GetValueOrDefault(a.NodeId) is UserTask)
            .Select(a =>
            {
                var node = definition.Nodes[a.NodeId];
                return new OpenTask(a.Id, a.NodeId, node.Name, node.Extensions.GetValueOrDefault("assigneeRole"),
                    node.Extensions.GetValueOrDefault("gate"));
            })
            .ToList();
        var stages = (v[EscalationVariables.StagesReached] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(s => new StageReached((string?)s["stage"] ?? "", (string?)s["title"], s["at"]?.GetValue<DateTimeOffset>()))
            .ToList();

        return new EscalationView(
            Id: state.CorrelationKey ?? state.InstanceId,
            InstanceId: state.InstanceId,
            Protocol: state.DefinitionKey,
            DefinitionVersion: state.DefinitionVersion,
            Status: Status(state),
            CurrentStage: Text(v, EscalationVariables.CurrentStage),
            CurrentRungTitle: Text(v, EscalationVariables.CurrentRungTitle),
            Rag: Text(v, EscalationVariables.Rag),
            Category: Text(v, EscalationVariables.Category),
            ChildRef: Text(v, EscalationVariables.ChildRef),
            RaiserRole: Text(v, EscalationVariables.RaiserRole),
            Team: Text(v, EscalationVariables.Team),
            StartedAt: state.StartedAt,
            EndedAt: state.EndedAt,
            Overdue: IsOverdue(state, now),
            Deadlines: deadlines,
            OpenTasks: tasks,
            StagesReached: stages,
            Outcome: Text(v, EscalationVariables.Outcome));
    }

    /// <summary>
    /// Overdue: still open and either a deadline has passed that has not been acted on yet, or the
    /// protocol's whole-process limit (20 working days from the first formal escalation) has passed.
    /// </summary>
    private bool IsOverdue(InstanceState state, DateTimeOffset now)
    {
        if (state.Status != InstanceStatus.Running) return false;
        if (state.Timers.Values.Any(t => t.DueAt < now)) return true;
        var timings = catalogue.TimingsFor(state.DefinitionKey);
        if (timings.OverallLimit is null) return false;
        if (state.Variables[EscalationVariables.FirstFormalAt] is not JsonValue first) return false;
        return timings.OverallLimit.DueFrom(first.GetValue<DateTimeOffset>(), timings.Calendar) < now;
    }

    /// <summary>A sentence saying what the escalation waits for, for refusals ("409: no decision is awaited: …").</summary>
    public async Task<string> DescribeWaitsAsync(InstanceState state, CancellationToken ct)
    {
        if (state.Status != InstanceStatus.Running) return $"the escalation is {Status(state)}.";
        var view = await ViewAsync(state, ct);
        var parts = new List<string>();
        if (view.CurrentRungTitle is not null) parts.Add($"it is at {view.CurrentRungTitle}");
        parts.AddRange(view.OpenTasks.Select(t => $"task '{t.Name ?? t.NodeId}' is open"));
        var definition = await runtime.GetDefinitionAsync(state.DefinitionKey, state.DefinitionVersion, ct);
        parts.AddRange(state.Messages.Values.Select(m => m.MessageName).Distinct()
            .Select(m => $"it accepts '{m}'"));
        parts.AddRange(view.Deadlines.Take(3).Select(d => $"'{d.Name ?? definition.Nodes.GetValueOrDefault(d.NodeId)?.Name ?? d.NodeId}' is due {d.DueAt:u}"));
        return parts.Count == 0 ? "it waits for nothing." : string.Join("; ", parts) + ".";
    }

    public async Task<EscalationPage> ListAsync(EscalationFilter filter, CancellationToken ct)
    {
        // Escalations are few per authority (hundreds a year): read the protocol's instances and filter
        // their states here rather than keep a second projection table in step.
        var keys = filter.Protocol is null ? catalogue.Keys : [filter.Protocol];
        var views = new List<EscalationView>();
        foreach (var key in keys)
        {
            for (var skip = 0; ; skip += 500)
            {
                var page = await instances.QueryAsync(new InstanceQuery(DefinitionKey: key, Skip: skip, Take: 500), ct);
                foreach (var summary in page)
                    if (await runtime.GetAsync(summary.InstanceId, ct) is { } stored)
                        views.Add(await ViewAsync(stored.State, ct));
                if (page.Count < 500) break;
            }
        }
        var matching = views.Where(v =>
                (filter.Rung is null || v.CurrentStage == filter.Rung)
                && (filter.Rag is null || string.Equals(v.Rag, filter.Rag, StringComparison.OrdinalIgnoreCase))
                && (filter.Overdue is null || v.Overdue == filter.Overdue)
                && (filter.Raiser is null || string.Equals(v.RaiserRole, filter.Raiser, StringComparison.OrdinalIgnoreCase))
                && (filter.Team is null || string.Equals(v.Team, filter.Team, StringComparison.OrdinalIgnoreCase))
                && (filter.Open is null || (v.Status == "open") == filter.Open))
            .OrderByDescending(v => v.StartedAt)
            .ToList();
        return new EscalationPage(matching.Skip(filter.Skip).Take(filter.Take).ToList(), matching.Count, filter.Skip, filter.Take);
    }

    private static string Status(InstanceState state) => state.Status switch
    {
        InstanceStatus.Running => "open",
        InstanceStatus.Completed => "closed",
        InstanceStatus.Terminated => "closed",
        _ => "cancelled",
    };

    private static string? Text(JsonObject v, string name) => v[name] is JsonValue value ? value.ToString() : null;
}
