using Workflows.Engine.Journal;
using Workflows.Engine.Runtime;

namespace Workflows.Engine.Tests.Runtime;

/// <summary>
/// Wraps a store to stage the races a real database sees: before chosen commits it runs
/// <see cref="BeforeCommit"/> (e.g. another host's command landing first) and can throw a conflict outright;
/// it can also hide an idempotency key once, as a concurrent start that hasn't committed yet would.
/// </summary>
internal sealed class ConflictingInstanceStore(IInstanceStore inner) : IInstanceStore
{
    public int Commits { get; private set; }
    public int ConflictsToThrow { get; set; }
    public Func<Task>? BeforeCommit { get; set; }
    public bool HideIdempotencyKeyOnce { get; set; }

    public async Task CommitAsync(InstanceCommit commit, CancellationToken ct)
    {
        Commits++;
        if (BeforeCommit is { } before)
        {
            BeforeCommit = null;
            await before();
        }
        if (ConflictsToThrow > 0)
        {
            ConflictsToThrow--;
            throw new ConcurrencyConflictException("injected conflict");
        }
        await inner.CommitAsync(commit, ct);
    }

    public Task<string?> FindByIdempotencyKeyAsync(string idempotencyKey, CancellationToken ct)
    {
        if (!HideIdempotencyKeyOnce) return inner.FindByIdempotencyKeyAsync(idempotencyKey, ct);
        HideIdempotencyKeyOnce = false;
        return Task.FromResult<string?>(null);
    }

    public Task<StoredInstance?> LoadAsync(string instanceId, CancellationToken ct) => inner.LoadAsync(instanceId, ct);
    public Task<IReadOnlyList<string>> FindWaitingForMessageAsync(string messageName, string correlationKey, CancellationToken ct) =>
        inner.FindWaitingForMessageAsync(messageName, correlationKey, ct);
    public Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(string instanceId, CancellationToken ct) => inner.ReadJournalAsync(instanceId, ct);
    public Task<IReadOnlyList<InstanceSummary>> QueryAsync(InstanceQuery query, CancellationToken ct) => inner.QueryAsync(query, ct);
}
