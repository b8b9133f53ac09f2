using System.Data.Common;
using Microsoft.Data.Sqlite;
using Workflows.Engine.EntityFrameworkCore.Sql;

namespace Workflows.Engine.EntityFrameworkCore.Sqlite;

/// <summary>
/// SQLite: a database has one writer at a time, so a single <c>UPDATE … WHERE rowid IN (SELECT … LIMIT n)
/// RETURNING</c> is already atomic; there are no row locks to take. Instants are UTC ticks.
/// </summary>
public sealed class SqliteDialect : SqlDialect
{
    public override StorageProvider Provider => StorageProvider.Sqlite;

    protected override string ClaimTimersSql => """
        UPDATE timers SET lease_owner = @owner, lease_until = @lease_until
        WHERE rowid IN (
            SELECT rowid FROM timers
            WHERE due_at <= @now AND (lease_until IS NULL OR lease_until <= @now)
            ORDER BY due_at
            LIMIT @max)
        RETURNING instance_id, timer_id, due_at
        """;

    // As in PostgreSqlDialect: the earliest unheld timer, or the earliest lease ending after its due time.
    protected override string NextClaimableSql => """
        SELECT MIN(x) FROM (
            SELECT x FROM (SELECT due_at AS x FROM timers WHERE lease_until IS NULL OR lease_until <= due_at ORDER BY due_at LIMIT 1)
            UNION ALL
            SELECT x FROM (SELECT lease_until AS x FROM timers WHERE lease_until IS NOT NULL AND lease_until > due_at ORDER BY lease_until LIMIT 1))
        """;

    protected override string ClaimOutboxSql => """
        UPDATE outbox SET lease_owner = @owner, lease_until = @lease_until
        WHERE rowid IN (
            SELECT rowid FROM outbox
            WHERE delivered_at IS NULL AND NOT failed AND next_attempt_at <= @now
              AND (lease_until IS NULL OR lease_until <= @now)
            ORDER BY next_attempt_at, id
            LIMIT @max)
        RETURNING id, instance_id, kind, payload, created_at, attempts, next_attempt_at, last_error
        """;

    protected override object ToDb(DateTimeOffset instant) => instant.UtcTicks;

    protected override DateTimeOffset ReadInstant(DbDataReader reader, int ordinal) => new(reader.GetInt64(ordinal), TimeSpan.Zero);

    /// <summary>SQLITE_CONSTRAINT (19) with the UNIQUE (2067) or PRIMARYKEY (1555) extended code.</summary>
    public override bool IsUniqueViolation(Exception exception) =>
        Chain(exception).Any(e => e is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 });
}
