using System.Text.Json.Nodes;

namespace Workflows.Engine.Runtime;

/// <summary>What can be asked of an instance. <see cref="Actor"/> is recorded on every journal row it produces.</summary>
public abstract record WorkflowCommand(string Actor);

/// <param name="Version">Null = the latest published version.</param>
/// <param name="IdempotencyKey">A retried start with the same key returns the first instance.</param>
public sealed record StartInstance(string DefinitionKey, int? Version, string? CorrelationKey, JsonObject Variables,
    string? IdempotencyKey, string Actor) : WorkflowCommand(Actor);

public sealed record CompleteUserTask(string InstanceId, string TaskId, JsonObject? Variables, string Actor)
    : WorkflowCommand(Actor);

/// <summary>Delivered to every running instance with that correlation key that waits for the message.</summary>
public sealed record CorrelateMessage(string MessageName, string CorrelationKey, JsonObject? Payload, string Actor)
    : WorkflowCommand(Actor);

public sealed record FireTimer(string InstanceId, string TimerId, string Actor = "timer") : WorkflowCommand(Actor);

public sealed record CancelInstance(string InstanceId, string Reason, string Actor) : WorkflowCommand(Actor);
