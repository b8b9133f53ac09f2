using Workflows.Engine.Journal;

namespace Workflows.Engine.Runtime;

/// <summary>Instances, their journals, timers and outbox rows, committed together.</summary>
public interface IInstanceStore
{
    Task<StoredInstance?> LoadAsync(string instanceId, CancellationToken ct);

    /// <summary>Running instances with this correlation key that hold a subscription to the message.</summary>
    Task<IReadOnlyList<string>> FindWaitingForMessageAsync(string messageName, string correlationKey, CancellationToken ct);

    /// <summary>The instance a start with this idempotency key created, if any.</summary>
    Task<string?> FindByIdempotencyKeyAsync(string idempotencyKey, CancellationToken ct);

    /// <summary>One transaction. Throws <see cref="ConcurrencyConflictException"/> when the instance version moved,
    /// the idempotency key was taken, or <see cref="InstanceCommit.FiredTimerId"/> was already fired.</summary>
    Task CommitAsync(InstanceCommit commit, CancellationToken ct);

    Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(string instanceId, CancellationToken ct);

    Task<IReadOnlyList<InstanceSummary>> QueryAsync(InstanceQuery query, CancellationToken ct);
}

public sealed record InstanceQuery(string? DefinitionKey = null, int? DefinitionVersion = null,
    Execution.InstanceStatus? Status = null, string? CorrelationKey = null, int Skip = 0, int Take = 50);

public sealed record InstanceSummary(string InstanceId, string DefinitionKey, int DefinitionVersion,
    string? CorrelationKey, Execution.InstanceStatus Status, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, long Version);
