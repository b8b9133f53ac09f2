using System.Globalization;
using System.Text.Json.Nodes;

namespace Workflows.Escalations.Escalating;

/// <summary>Operations that only some protocols have.</summary>
public sealed partial class EscalationService
{
    /// <summary>
    /// Devon (002): the resolution meeting — raiser, social worker, manager and IRO — may run alongside any
    /// stage and exits the protocol whenever it resolves the concern.
    /// </summary>
    public async Task<EscalationView> RecordMeetingResolvedAsync(string id, string note, string actor, CancellationToken ct)
    {
        Require(note, "note");
        var state = await LoadAsync(id, ct);
        return await CorrelateOrRefuseAsync(state, "meeting-resolved", new JsonObject { ["meetingNote"] = note }, actor,
            $"protocol '{state.DefinitionKey}' has no resolution meeting that can close the escalation", ct);
    }

    /// <summary>Blackpool (001): an immediate safeguarding concern reaches the Service Manager within 24 hours.</summary>
    public async Task<EscalationView> RaiseSafeguardingConcernAsync(string id, string detail, string actor, CancellationToken ct)
    {
        Require(detail, "detail");
        var state = await LoadAsync(id, ct);
        return await CorrelateOrRefuseAsync(state, "safeguarding-concern", new JsonObject { ["safeguardingDetail"] = detail },
            actor, $"protocol '{state.DefinitionKey}' has no immediate-safeguarding route", ct);
    }

    /// <summary>The informal rung's timescale, agreed between the IRO and the social worker (001, 003, 004).</summary>
    public async Task<EscalationView> AgreeTimescaleAsync(string id, DateOnly agreedDate, string actor, CancellationToken ct)
    {
        var state = await LoadAsync(id, ct);
        EnsureOpen(state);
        var today = catalogue.TimingsFor(state.DefinitionKey).Calendar.LocalDateOf(time.GetUtcNow());
        if (agreedDate < today) throw EscalationException.Invalid("agreedDate", "The agreed date cannot be in the past.");
        var task = (await OpenTasksAsync(state, ct)).FirstOrDefault(t => t.Task.Id.StartsWith("AgreeTimescale", StringComparison.Ordinal));
        if (task.Activity is null)
            throw EscalationException.Conflict($"No timescale is awaiting agreement: {await views.DescribeWaitsAsync(state, ct)}");
        return await CompleteAsync(state, task.Activity.Id,
            new JsonObject { ["agreedDate"] = agreedDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, actor, ct);
    }

    /// <summary>Devon (002): the QARSS Manager's review of a themed concern before it goes on.</summary>
    public async Task<EscalationView> ReviewThemedConcernAsync(string id, string review, string actor, CancellationToken ct)
    {
        Require(review, "review");
        var state = await LoadAsync(id, ct);
        EnsureOpen(state);
        var task = (await OpenTasksAsync(state, ct)).FirstOrDefault(t => t.Task.Id.StartsWith("ThemedConcernReview", StringComparison.Ordinal));
        if (task.Activity is null)
            throw EscalationException.Conflict($"No themed concern is awaiting review: {await views.DescribeWaitsAsync(state, ct)}");
        return await CompleteAsync(state, task.Activity.Id, new JsonObject { ["themeReview"] = review }, actor, ct);
    }
}
