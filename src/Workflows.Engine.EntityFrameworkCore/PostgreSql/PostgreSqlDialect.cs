using System.Data.Common;
using Npgsql;
using Workflows.Engine.EntityFrameworkCore.Sql;

namespace Workflows.Engine.EntityFrameworkCore.PostgreSql;

/// <summary>
/// PostgreSQL: claims take row locks with <c>FOR UPDATE SKIP LOCKED</c>, so pumps on several hosts each get
/// different rows without waiting on one another, and set the lease in the same statement. Instants are
/// timestamptz in UTC.
/// </summary>
public sealed class PostgreSqlDialect : SqlDialect
{
    public override StorageProvider Provider => StorageProvider.PostgreSql;

    // The CTE picks and locks; rows another claimer has locked are skipped rather than waited for, and once
    // it commits their lease is in the future, so they no longer qualify. Rows a firing commit is deleting
    // are locked too, hence skipped.
    protected override string ClaimTimersSql => """
        WITH due AS (
            SELECT instance_id, timer_id FROM timers
            WHERE due_at <= @now AND (lease_until IS NULL OR lease_until <= @now)
            ORDER BY due_at
            LIMIT @max
            FOR UPDATE SKIP LOCKED)
        UPDATE timers AS t SET lease_owner = @owner, lease_until = @lease_until
        FROM due WHERE t.instance_id = due.instance_id AND t.timer_id = due.timer_id
        RETURNING t.instance_id, t.timer_id, t.due_at
        """;

    // Two index-ordered probes rather than one MIN(CASE …) over every row: the earliest timer nobody holds,
    // and the earliest lease that ends after its timer's due time (a pump holds a due timer until then).
    protected override string NextClaimableSql => """
        SELECT MIN(x) FROM (
            (SELECT due_at AS x FROM timers WHERE lease_until IS NULL OR lease_until <= due_at ORDER BY due_at LIMIT 1)
            UNION ALL
            (SELECT lease_until FROM timers WHERE lease_until IS NOT NULL AND lease_until > due_at ORDER BY lease_until LIMIT 1)) AS candidates
        """;

    protected override string ClaimOutboxSql => """
        WITH due AS (
            SELECT id FROM outbox
            WHERE delivered_at IS NULL AND NOT failed AND next_attempt_at <= @now
              AND (lease_until IS NULL OR lease_until <= @now)
            ORDER BY next_attempt_at, id
            LIMIT @max
            FOR UPDATE SKIP LOCKED)
        UPDATE outbox AS o SET lease_owner = @owner, lease_until = @lease_until
        FROM due WHERE o.id = due.id
        RETURNING o.id, o.instance_id, o.kind, o.payload, o.created_at, o.attempts, o.next_attempt_at, o.last_error
        """;

    /// <summary>Npgsql writes only offset-zero values to timestamptz.</summary>
    protected override object ToDb(DateTimeOffset instant) => instant.ToUniversalTime();

    protected override DateTimeOffset ReadInstant(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    /// <summary>23505 = unique_violation (primary keys included).</summary>
    public override bool IsUniqueViolation(Exception exception) =>
        Chain(exception).Any(e => e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation });
}
