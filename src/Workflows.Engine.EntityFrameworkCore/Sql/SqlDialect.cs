using System.Data.Common;
using Workflows.Engine.Runtime;

namespace Workflows.Engine.EntityFrameworkCore.Sql;

/// <summary>
/// Runs a dialect's statements: binds the parameters (<c>@now</c>, <c>@max</c>, <c>@owner</c>, <c>@lease_until</c>)
/// and reads the rows. A database supplies only its SQL, how it holds an instant, and its duplicate-key error.
/// </summary>
public abstract class SqlDialect : ISqlDialect
{
    public abstract StorageProvider Provider { get; }

    /// <summary>Leases due timers; returns instance_id, timer_id, due_at.</summary>
    protected abstract string ClaimTimersSql { get; }

    /// <summary>One value: the earliest instant at which some timer can be claimed, or NULL.</summary>
    protected abstract string NextClaimableSql { get; }

    /// <summary>Leases due outbox rows; returns id, instance_id, kind, payload, created_at, attempts, next_attempt_at, last_error.</summary>
    protected abstract string ClaimOutboxSql { get; }

    /// <summary>An instant as this database's column holds it.</summary>
    protected abstract object ToDb(DateTimeOffset instant);

    protected abstract DateTimeOffset ReadInstant(DbDataReader reader, int ordinal);

    public abstract bool IsUniqueViolation(Exception exception);

    public async Task<IReadOnlyList<DueTimer>> ClaimDueTimersAsync(DbConnection connection, DateTimeOffset now, int max,
        string owner, DateTimeOffset leaseUntil, CancellationToken ct)
    {
        var claimed = await ReadAsync(connection, ClaimTimersSql, Claim(now, max, owner, leaseUntil),
            r => new DueTimer(r.GetString(0), r.GetString(1), ReadInstant(r, 2)), ct);
        // RETURNING gives no order; the pump fires the earliest first.
        return [.. claimed.OrderBy(t => t.DueAt)];
    }

    public async Task<DateTimeOffset?> NextTimerClaimableAsync(DbConnection connection, CancellationToken ct)
    {
        var values = await ReadAsync(connection, NextClaimableSql, [],
            r => r.IsDBNull(0) ? (DateTimeOffset?)null : ReadInstant(r, 0), ct);
        return values.SingleOrDefault();
    }

    public async Task<IReadOnlyList<OutboxMessage>> ClaimDueOutboxAsync(DbConnection connection, DateTimeOffset now, int max,
        string owner, DateTimeOffset leaseUntil, CancellationToken ct)
    {
        var claimed = await ReadAsync(connection, ClaimOutboxSql, Claim(now, max, owner, leaseUntil),
            r => new OutboxMessage(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), ReadInstant(r, 4),
                r.GetInt32(5), ReadInstant(r, 6), r.IsDBNull(7) ? null : r.GetString(7)), ct);
        return [.. claimed.OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id, StringComparer.Ordinal)];
    }

    private (string, object?)[] Claim(DateTimeOffset now, int max, string owner, DateTimeOffset leaseUntil) =>
        [("@now", ToDb(now)), ("@max", max), ("@owner", owner), ("@lease_until", ToDb(leaseUntil))];

    private static async Task<List<T>> ReadAsync<T>(DbConnection connection, string sql, (string Name, object? Value)[] parameters,
        Func<DbDataReader, T> read, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            command.Parameters.Add(p);
        }
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) rows.Add(read(reader));
        return rows;
    }

    protected static IEnumerable<Exception> Chain(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException) yield return e;
    }
}
