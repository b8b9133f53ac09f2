using Microsoft.EntityFrameworkCore;
using Workflows.Engine.EntityFrameworkCore.Sql;
using Workflows.Engine.Runtime;

namespace Workflows.Engine.EntityFrameworkCore.Stores;

/// <summary>Outbox rows for the dispatcher: leased claims, then delivered, retried later, or failed for good.</summary>
public sealed class EfOutboxStore(IDbContextFactory<WorkflowsDbContext> contexts, ISqlDialect dialect) : IOutboxStore
{
    public async Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(DateTimeOffset now, int max, string owner, TimeSpan lease,
        CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        return await dialect.ClaimDueOutboxAsync(db.Database.GetDbConnection(), now, max, owner, now + lease, ct);
    }

    public async Task MarkDeliveredAsync(string id, DateTimeOffset at, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Outbox.Where(o => o.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.DeliveredAt, at)
            .SetProperty(o => o.LeaseOwner, (string?)null)
            .SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null), ct);
    }

    public async Task MarkFailedAsync(string id, string error, DateTimeOffset? retryAt, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Outbox.Where(o => o.Id == id).ExecuteUpdateAsync(s =>
        {
            s.SetProperty(o => o.Attempts, o => o.Attempts + 1);
            s.SetProperty(o => o.LastError, error);
            s.SetProperty(o => o.LeaseOwner, (string?)null);
            s.SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null);
            // No retry time: the effect failed for good and becomes an incident; it is never claimed again.
            if (retryAt is { } at) s.SetProperty(o => o.NextAttemptAt, at);
            else s.SetProperty(o => o.Failed, true);
        }, ct);
    }
}
