using System.Text.Json.Nodes;
using Workflows.Engine.Execution;
using Workflows.Engine.Journal;
using Workflows.Engine.Model;

namespace Workflows.Host.Instances;

/// <summary>An instance as the API shows it: status, pinned version, what it waits for, its variables.</summary>
public sealed record InstanceDetail(
    string InstanceId,
    string DefinitionKey,
    int DefinitionVersion,
    string? CorrelationKey,
    InstanceStatus Status,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    long Version,
    IReadOnlyList<UserTaskView> OpenUserTasks,
    IReadOnlyList<TimerView> Timers,
    IReadOnlyList<MessageWaitView> AwaitedMessages,
    IReadOnlyDictionary<string, string> Incidents,
    JsonObject Variables);

/// <summary>An open user task: complete it by <see cref="TaskId"/> (the activity id) or by its node id.</summary>
public sealed record UserTaskView(string InstanceId, string TaskId, string NodeId, string? Name, string? AssigneeRole,
    string? Gate, string DefinitionKey, int DefinitionVersion, string? CorrelationKey);

/// <summary>An armed timer and the absolute instant it is due (computed once, when armed).</summary>
public sealed record TimerView(string TimerId, string NodeId, string? Name, DateTimeOffset DueAt);

public sealed record MessageWaitView(string MessageName, string NodeId, string? Name);

public sealed record InstanceSummaryView(string InstanceId, string DefinitionKey, int DefinitionVersion, string? CorrelationKey,
    InstanceStatus Status, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, long Version);

public sealed record InstancePage(IReadOnlyList<InstanceSummaryView> Items, int Skip, int Take, bool HasMore);

/// <summary>One journal row; <see cref="Event"/> is the event exactly as hashed.</summary>
public sealed record JournalRowView(long Sequence, DateTimeOffset At, string Actor, string? ElementId, string EventType,
    JsonNode? Event, string PreviousHash, string Hash);

public sealed record VerificationView(string InstanceId, bool Valid, bool ChainValid, bool ReplayMatchesStoredState,
    long JournalRows, long? FailedAtSequence, string? Reason);

public static class InstanceViews
{
    public static InstanceDetail Detail(InstanceState state, long version, ProcessDefinition definition) => new(
        state.InstanceId, state.DefinitionKey, state.DefinitionVersion, state.CorrelationKey, state.Status,
        state.StartedAt, state.EndedAt, version,
        UserTasks(state, definition),
        state.Timers.Values.OrderBy(t => t.DueAt)
            .Select(t => new TimerView(t.TimerId, t.NodeId, NameOf(definition, t.NodeId), t.DueAt)).ToList(),
        state.Messages.Values.Select(m => new MessageWaitView(m.MessageName, m.NodeId, NameOf(definition, m.NodeId))).ToList(),
        new Dictionary<string, string>(state.Incidents),
        (JsonObject)state.Variables.DeepClone());

    public static List<UserTaskView> UserTasks(InstanceState state, ProcessDefinition definition) =>
        state.Activities.Values.Where(a => a.NodeType == "userTask").Select(a =>
        {
            var node = definition.Nodes.GetValueOrDefault(a.NodeId);
            return new UserTaskView(state.InstanceId, a.Id, a.NodeId, node?.Name, Extension(node, "assigneeRole"),
                Extension(node, "gate"), state.DefinitionKey, state.DefinitionVersion, state.CorrelationKey);
        }).ToList();

    public static JournalRowView Row(JournalEntry e) => new(e.Sequence, e.At, e.Actor, e.ElementId, e.EventType,
        ParseOrText(e.Payload), e.PreviousHash, e.Hash);

    private static JsonNode? ParseOrText(string payload)
    {
        try
        {
            return JsonNode.Parse(payload);
        }
        catch (System.Text.Json.JsonException)
        {
            return JsonValue.Create(payload);
        }
    }

    private static string? NameOf(ProcessDefinition definition, string nodeId) => definition.Nodes.GetValueOrDefault(nodeId)?.Name;

    private static string? Extension(FlowNode? node, string name) =>
        node is not null && node.Extensions.TryGetValue(name, out var value) ? value : null;
}
