using System.Diagnostics;
using Workflows.Engine.Journal;
using Workflows.Engine.Runtime;

namespace Workflows.Bench;

/// <summary>
/// Passes every call to the real store and adds up how long each kind took, so that a command's time can be split
/// into the store's part (load, message look-up, commit) and the rest (interpreting, hashing, serializing, waiting
/// for a core). Costs two timestamps per call.
/// </summary>
public sealed class TimedInstanceStore(IInstanceStore inner) : IInstanceStore
{
    private readonly Counter load = new(), find = new(), commit = new(), conflicts = new();

    public StoreTimings Snapshot() => new(load.Read(), find.Read(), commit.Read(), conflicts.Calls);

    public async Task<StoredInstance?> LoadAsync(string instanceId, CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        try { return await inner.LoadAsync(instanceId, ct); }
        finally { load.Add(start); }
    }

    public async Task<IReadOnlyList<string>> FindWaitingForMessageAsync(string messageName, string correlationKey, CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        try { return await inner.FindWaitingForMessageAsync(messageName, correlationKey, ct); }
        finally { find.Add(start); }
    }

    public async Task CommitAsync(InstanceCommit commit, CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        try { await inner.CommitAsync(commit, ct); }
        catch (ConcurrencyConflictException)
        {
            conflicts.Add(start);
            throw;
        }
        finally { this.commit.Add(start); }
    }

    public Task<string?> FindByIdempotencyKeyAsync(string idempotencyKey, CancellationToken ct) =>
        inner.FindByIdempotencyKeyAsync(idempotencyKey, ct);

    public Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(string instanceId, CancellationToken ct) => inner.ReadJournalAsync(instanceId, ct);

    public Task<IReadOnlyList<InstanceSummary>> QueryAsync(InstanceQuery query, CancellationToken ct) => inner.QueryAsync(query, ct);

    private sealed class Counter
    {
        private long calls, ticks;

        public long Calls => Interlocked.Read(ref calls);

        public void Add(long start)
        {
            Interlocked.Increment(ref calls);
            Interlocked.Add(ref ticks, Stopwatch.GetTimestamp() - start);
        }

        public CallTiming Read() => new(Interlocked.Read(ref calls), Interlocked.Read(ref ticks) * 1000.0 / Stopwatch.Frequency);
    }
}

public sealed record CallTiming(long Calls, double TotalMs)
{
    public double MeanMs => Calls == 0 ? 0 : TotalMs / Calls;

    public static CallTiming operator -(CallTiming a, CallTiming b) => new(a.Calls - b.Calls, a.TotalMs - b.TotalMs);
}

/// <summary>Store calls made during a phase, with their summed and mean durations.</summary>
public sealed record StoreTimings(CallTiming Load, CallTiming FindWaiting, CallTiming Commit, long Conflicts)
{
    public static StoreTimings operator -(StoreTimings a, StoreTimings b) =>
        new(a.Load - b.Load, a.FindWaiting - b.FindWaiting, a.Commit - b.Commit, a.Conflicts - b.Conflicts);
}
