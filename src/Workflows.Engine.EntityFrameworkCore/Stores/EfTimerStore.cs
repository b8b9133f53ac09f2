using Microsoft.EntityFrameworkCore;
using Workflows.Engine.EntityFrameworkCore.Sql;
using Workflows.Engine.Runtime;

namespace Workflows.Engine.EntityFrameworkCore.Stores;

/// <summary>Due-timer claims for the pump, through the database's dialect (row locks and leases).</summary>
public sealed class EfTimerStore(IDbContextFactory<WorkflowsDbContext> contexts, ISqlDialect dialect) : ITimerStore
{
    public async Task<IReadOnlyList<DueTimer>> ClaimDueAsync(DateTimeOffset now, int max, string owner, TimeSpan lease,
        CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        return await dialect.ClaimDueTimersAsync(db.Database.GetDbConnection(), now, max, owner, now + lease, ct);
    }

    /// <summary>When the pump should next try to claim: a timer's due time, or the end of the lease another pump holds on a
    /// due one (waking earlier would only find it held).</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        return await dialect.NextTimerClaimableAsync(db.Database.GetDbConnection(), ct);
    }
}
