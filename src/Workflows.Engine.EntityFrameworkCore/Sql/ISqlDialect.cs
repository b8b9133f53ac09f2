using System.Data.Common;
using Workflows.Engine.Runtime;

namespace Workflows.Engine.EntityFrameworkCore.Sql;

/// <summary>
/// The SQL that EF Core cannot express: claiming due rows under a lease in one statement, and telling
/// a duplicate key apart from other failures. One implementation per database; each takes an open
/// connection and runs one auto-committed statement.
/// </summary>
public interface ISqlDialect
{
    StorageProvider Provider { get; }

    /// <summary>Leases up to <paramref name="max"/> due timers whose lease is free or expired, earliest first.</summary>
    Task<IReadOnlyList<DueTimer>> ClaimDueTimersAsync(DbConnection connection, DateTimeOffset now, int max, string owner,
        DateTimeOffset leaseUntil, CancellationToken ct);

    /// <summary>The earliest instant at which some timer can be claimed: its due time, or the end of the lease another
    /// pump holds on it. Null when no timer is armed.</summary>
    Task<DateTimeOffset?> NextTimerClaimableAsync(DbConnection connection, CancellationToken ct);

    /// <summary>Leases up to <paramref name="max"/> outbox rows that are pending, due and not leased, oldest first.</summary>
    Task<IReadOnlyList<OutboxMessage>> ClaimDueOutboxAsync(DbConnection connection, DateTimeOffset now, int max, string owner,
        DateTimeOffset leaseUntil, CancellationToken ct);

    /// <summary>True when <paramref name="exception"/> (or one it wraps) is a unique or primary-key violation.</summary>
    bool IsUniqueViolation(Exception exception);
}
