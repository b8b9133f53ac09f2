namespace Workflows.Engine.Runtime;

/// <summary>A side effect waiting for delivery; <see cref="Id"/> is unique (instance id + effect id) so delivery can be deduplicated.</summary>
public sealed record OutboxMessage(string Id, string InstanceId, string Kind, string Payload, DateTimeOffset CreatedAt,
    int Attempts = 0, DateTimeOffset? NextAttemptAt = null, string? LastError = null);
