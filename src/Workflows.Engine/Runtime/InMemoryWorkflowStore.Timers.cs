namespace Workflows.Engine.Runtime;

public sealed partial class InMemoryWorkflowStore : ITimerStore, IOutboxStore
{
    private readonly Dictionary<(string InstanceId, string TimerId), TimerRow> timers = new();
    private readonly Dictionary<string, OutboxRow> outbox = new(StringComparer.Ordinal);

    // ── ITimerStore ─────────────────────────────────────────────────────────────────────────────────

    public Task<IReadOnlyList<DueTimer>> ClaimDueAsync(DateTimeOffset now, int max, string owner, TimeSpan lease, CancellationToken ct)
    {
        lock (gate)
        {
            var claimed = timers.Values
                .Where(t => t.Timer.DueAt <= now && (t.LeasedUntil is null || t.LeasedUntil <= now))
                .OrderBy(t => t.Timer.DueAt).ThenBy(t => t.Timer.InstanceId, StringComparer.Ordinal)
                .ThenBy(t => t.Timer.TimerId, StringComparer.Ordinal)
                .Take(max)
                .ToList();
            foreach (var row in claimed)
                timers[(row.Timer.InstanceId, row.Timer.TimerId)] = row with { LeaseOwner = owner, LeasedUntil = now + lease };
            return Task.FromResult<IReadOnlyList<DueTimer>>(claimed.Select(r => r.Timer).ToList());
        }
    }

    /// <summary>The earliest instant a timer can be claimed (a leased timer only once its lease runs out).</summary>
    public Task<DateTimeOffset?> NextDueAsync(CancellationToken ct)
    {
        lock (gate)
        {
            return Task.FromResult(timers.Values.Count == 0
                ? (DateTimeOffset?)null
                : timers.Values.Min(t => t.LeasedUntil is { } until && until > t.Timer.DueAt ? until : t.Timer.DueAt));
        }
    }

    /// <summary>The timer rows as stored (for tests).</summary>
    public IReadOnlyList<DueTimer> Timers
    {
        get
        {
            lock (gate) return timers.Values.Select(t => t.Timer).OrderBy(t => t.DueAt).ToList();
        }
    }

    // ── IOutboxStore ────────────────────────────────────────────────────────────────────────────────

    // Explicit: ITimerStore has a ClaimDueAsync with the same parameters.
    Task<IReadOnlyList<OutboxMessage>> IOutboxStore.ClaimDueAsync(DateTimeOffset now, int max, string owner, TimeSpan lease,
        CancellationToken ct) => ClaimOutboxAsync(now, max, owner, lease);

    private Task<IReadOnlyList<OutboxMessage>> ClaimOutboxAsync(DateTimeOffset now, int max, string owner, TimeSpan lease)
    {
        lock (gate)
        {
            var claimed = outbox.Values
                .Where(r => r.DeliveredAt is null && !r.Dead && (r.Message.NextAttemptAt ?? r.Message.CreatedAt) <= now
                            && (r.LeasedUntil is null || r.LeasedUntil <= now))
                .OrderBy(r => r.Message.NextAttemptAt ?? r.Message.CreatedAt).ThenBy(r => r.Message.Id, StringComparer.Ordinal)
                .Take(max)
                .ToList();
            foreach (var row in claimed) outbox[row.Message.Id] = row with { LeaseOwner = owner, LeasedUntil = now + lease };
            return Task.FromResult<IReadOnlyList<OutboxMessage>>(claimed.Select(r => r.Message).ToList());
        }
    }

    public Task MarkDeliveredAsync(string id, DateTimeOffset at, CancellationToken ct)
    {
        lock (gate) outbox[id] = outbox[id] with { DeliveredAt = at, LeaseOwner = null, LeasedUntil = null };
        return Task.CompletedTask;
    }

    public Task MarkFailedAsync(string id, string error, DateTimeOffset? retryAt, CancellationToken ct)
    {
        lock (gate)
        {
            var row = outbox[id];
            outbox[id] = row with
            {
                Message = row.Message with { Attempts = row.Message.Attempts + 1, LastError = error, NextAttemptAt = retryAt ?? row.Message.NextAttemptAt },
                Dead = retryAt is null,
                LeaseOwner = null,
                LeasedUntil = null,
            };
        }
        return Task.CompletedTask;
    }

    /// <summary>Every outbox message ever committed, delivered or not (for tests).</summary>
    public IReadOnlyList<OutboxMessage> Outbox
    {
        get
        {
            lock (gate) return outbox.Values.Select(r => r.Message).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id, StringComparer.Ordinal).ToList();
        }
    }

    private sealed record TimerRow(DueTimer Timer, string? LeaseOwner = null, DateTimeOffset? LeasedUntil = null);

    private sealed record OutboxRow(OutboxMessage Message, DateTimeOffset? DeliveredAt = null, bool Dead = false,
        string? LeaseOwner = null, DateTimeOffset? LeasedUntil = null);
}
