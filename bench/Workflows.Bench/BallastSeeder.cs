using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using Workflows.Engine.EntityFrameworkCore;
using Workflows.Engine.EntityFrameworkCore.Conversions;
using Workflows.Engine.Journal;
using Workflows.Engine.Runtime;

namespace Workflows.Bench;

/// <summary>
/// Fills the database with waiting ladder instances — each on rung 1 with its PT24H timer armed — so that timer lag
/// is measured with that many pending timers in the table. Starting 100,000 instances one command at a time would
/// take longer than the whole benchmark, so the engine runs the start commands against a store that only captures
/// the commits, and those commits (instance, journal, timer and subscription rows, as
/// <c>EfInstanceStore.CommitAsync</c> writes them) are inserted in bulk, a chunk per transaction.
/// </summary>
public static class BallastSeeder
{
    private const int Chunk = 2_000;

    /// <returns>Seconds spent running the start commands, and inserting their rows.</returns>
    public static async Task<(double StartSeconds, double InsertSeconds)> SeedAsync(IServiceProvider services, DefinitionRecord ladder,
        int count, CancellationToken ct)
    {
        double starting = 0, inserting = 0;
        var contexts = services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>();
        var capture = new CaptureStore();
        var runtime = new WorkflowRuntime(new SingleDefinitionStore(ladder), capture, TimeProvider.System);
        for (var from = 0; from < count; from += Chunk)
        {
            var size = Math.Min(Chunk, count - from);
            var chunkStart = from;
            var sw = Stopwatch.StartNew();
            // CPU-bound (the interpreter and hashing run, nothing is stored): both cores.
            await Bench.ForEachAsync(size, Environment.ProcessorCount, async (i, token) =>
                await runtime.StartAsync(new StartInstance(LadderDrive.Key, ladder.Version, $"waiting-{chunkStart + i:D6}",
                    new JsonObject { ["case"] = chunkStart + i }, null, "bench"), token), ct);
            starting += sw.Elapsed.TotalSeconds;
            sw.Restart();

            await BulkInsertAsync(contexts, capture.Take(), ct);
            inserting += sw.Elapsed.TotalSeconds;
        }
        return (starting, inserting);
    }

    /// <summary>
    /// The rows <c>EfInstanceStore.CommitAsync</c> writes for a new instance, in one transaction: PostgreSQL by binary
    /// COPY, SQLite by prepared INSERTs (EF Core's SaveChanges managed about 10,000 rows/s here, which made seeding
    /// alone take minutes). Values are stored as the EF model stores them: status as its name; on SQLite every instant
    /// as UTC ticks; on PostgreSQL timestamptz, with due instants rounded up to the microsecond, and journal.at as ticks.
    /// </summary>
    private static async Task BulkInsertAsync(IDbContextFactory<WorkflowsDbContext> contexts, List<InstanceCommit> commits, CancellationToken ct)
    {
        foreach (var commit in commits)
        {
            if (commit.Outbox.Count > 0) throw new InvalidOperationException("The ladder's start requested side effects; the seeder writes no outbox rows.");
            if (commit.IdempotencyKey is not null) throw new InvalidOperationException("The seeder starts instances without idempotency keys.");
        }
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        switch (db.Database.GetDbConnection())
        {
            case NpgsqlConnection pg:
                await CopyAsync(pg, commits, ct);
                break;
            case SqliteConnection sqlite:
                await InsertAsync(sqlite, commits, ct);
                break;
            default:
                throw new InvalidOperationException($"No bulk insert for {db.Database.ProviderName}.");
        }
    }

    private static async Task CopyAsync(NpgsqlConnection connection, List<InstanceCommit> commits, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var copy = await connection.BeginBinaryImportAsync(
                         "COPY instances (id, definition_key, definition_version, correlation_key, status, state, version, started_at, ended_at) " +
                         "FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var state in commits.Select(c => c.State))
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(state.InstanceId, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(state.DefinitionKey, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(state.DefinitionVersion, NpgsqlDbType.Integer, ct);
                await WriteNullableAsync(copy, state.CorrelationKey, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(state.Status.ToString(), NpgsqlDbType.Text, ct);
                await copy.WriteAsync(InstanceStateSerializer.Serialize(state), NpgsqlDbType.Text, ct);
                await copy.WriteAsync(1L, NpgsqlDbType.Bigint, ct);
                await WriteNullableAsync(copy, state.StartedAt?.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct);
                await WriteNullableAsync(copy, state.EndedAt?.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct);
            }
            await copy.CompleteAsync(ct);
        }
        await using (var copy = await connection.BeginBinaryImportAsync(
                         "COPY journal (instance_id, sequence, at, actor, element_id, event_type, payload, previous_hash, hash) " +
                         "FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var e in commits.SelectMany(c => c.Journal))
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(e.InstanceId, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(e.Sequence, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(e.At.UtcTicks, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(e.Actor, NpgsqlDbType.Text, ct);
                await WriteNullableAsync(copy, e.ElementId, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(e.EventType, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(e.Payload, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(e.PreviousHash, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(e.Hash, NpgsqlDbType.Text, ct);
            }
            await copy.CompleteAsync(ct);
        }
        await using (var copy = await connection.BeginBinaryImportAsync(
                         "COPY timers (instance_id, timer_id, node_id, due_at) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var commit in commits)
            {
                foreach (var t in commit.TimersArmed)
                {
                    await copy.StartRowAsync(ct);
                    await copy.WriteAsync(commit.State.InstanceId, NpgsqlDbType.Text, ct);
                    await copy.WriteAsync(t.TimerId, NpgsqlDbType.Text, ct);
                    await copy.WriteAsync(t.NodeId, NpgsqlDbType.Text, ct);
                    await copy.WriteAsync(DueInstantConverter.RoundUpToMicrosecond(t.DueAt), NpgsqlDbType.TimestampTz, ct);
                }
            }
            await copy.CompleteAsync(ct);
        }
        await using (var copy = await connection.BeginBinaryImportAsync(
                         "COPY message_subscriptions (instance_id, subscription_id, message_name, correlation_key, node_id) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var state in commits.Select(c => c.State))
            {
                foreach (var m in state.Messages.Values)
                {
                    await copy.StartRowAsync(ct);
                    await copy.WriteAsync(state.InstanceId, NpgsqlDbType.Text, ct);
                    await copy.WriteAsync(m.SubscriptionId, NpgsqlDbType.Text, ct);
                    await copy.WriteAsync(m.MessageName, NpgsqlDbType.Text, ct);
                    await WriteNullableAsync(copy, state.CorrelationKey, NpgsqlDbType.Text, ct);
                    await copy.WriteAsync(m.NodeId, NpgsqlDbType.Text, ct);
                }
            }
            await copy.CompleteAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }

    private static async Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct)
    {
        if (value is null) await copy.WriteNullAsync(ct);
        else await copy.WriteAsync(value, type, ct);
    }

    private static async Task InsertAsync(SqliteConnection connection, List<InstanceCommit> commits, CancellationToken ct)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using var instance = Prepare(connection, transaction,
            "INSERT INTO instances (id, definition_key, definition_version, correlation_key, status, state, version, started_at, ended_at) " +
            "VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $8)", 8);
        await using var journal = Prepare(connection, transaction,
            "INSERT INTO journal (instance_id, sequence, at, actor, element_id, event_type, payload, previous_hash, hash) " +
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)", 9);
        await using var timer = Prepare(connection, transaction, "INSERT INTO timers (instance_id, timer_id, node_id, due_at) VALUES ($1, $2, $3, $4)", 4);
        await using var subscription = Prepare(connection, transaction,
            "INSERT INTO message_subscriptions (instance_id, subscription_id, message_name, correlation_key, node_id) VALUES ($1, $2, $3, $4, $5)", 5);
        foreach (var commit in commits)
        {
            var state = commit.State;
            await ExecuteAsync(instance, ct, state.InstanceId, state.DefinitionKey, state.DefinitionVersion, state.CorrelationKey,
                state.Status.ToString(), InstanceStateSerializer.Serialize(state), state.StartedAt?.UtcTicks, state.EndedAt?.UtcTicks);
            foreach (var e in commit.Journal)
                await ExecuteAsync(journal, ct, e.InstanceId, e.Sequence, e.At.UtcTicks, e.Actor, e.ElementId, e.EventType, e.Payload,
                    e.PreviousHash, e.Hash);
            foreach (var t in commit.TimersArmed)
                await ExecuteAsync(timer, ct, state.InstanceId, t.TimerId, t.NodeId, t.DueAt.UtcTicks);
            foreach (var m in state.Messages.Values)
                await ExecuteAsync(subscription, ct, state.InstanceId, m.SubscriptionId, m.MessageName, state.CorrelationKey, m.NodeId);
        }
        await transaction.CommitAsync(ct);
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 1; i <= parameters; i++) command.Parameters.Add(new SqliteParameter($"${i}", null));
        command.Prepare();
        return command;
    }

    private static async Task ExecuteAsync(SqliteCommand command, CancellationToken ct, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Keeps new instances' commits for the bulk insert; they are never read back through it.</summary>
    private sealed class CaptureStore : IInstanceStore
    {
        private readonly Lock gate = new();
        private List<InstanceCommit> commits = [];

        public List<InstanceCommit> Take()
        {
            lock (gate)
            {
                var taken = commits;
                commits = [];
                return taken;
            }
        }

        public Task CommitAsync(InstanceCommit commit, CancellationToken ct)
        {
            if (commit.ExpectedVersion != 0) throw new InvalidOperationException("The seeder only starts instances.");
            lock (gate) commits.Add(commit);
            return Task.CompletedTask;
        }

        public Task<StoredInstance?> LoadAsync(string instanceId, CancellationToken ct) => Task.FromResult<StoredInstance?>(null);

        public Task<IReadOnlyList<string>> FindWaitingForMessageAsync(string messageName, string correlationKey, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<string>>([]);

        public Task<string?> FindByIdempotencyKeyAsync(string idempotencyKey, CancellationToken ct) => Task.FromResult<string?>(null);

        public Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(string instanceId, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<JournalEntry>>([]);

        public Task<IReadOnlyList<InstanceSummary>> QueryAsync(InstanceQuery query, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<InstanceSummary>>([]);
    }

    /// <summary>The ladder as published in the database, without a query per start.</summary>
    private sealed class SingleDefinitionStore(DefinitionRecord record) : IDefinitionStore
    {
        public Task<IReadOnlyList<DefinitionRecord>> ListAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<DefinitionRecord>>([record]);

        public Task<DefinitionRecord?> GetAsync(string key, int version, CancellationToken ct) =>
            Task.FromResult(key == record.Key && version == record.Version ? record : null);

        public Task<DefinitionRecord?> GetLatestPublishedAsync(string key, CancellationToken ct) =>
            Task.FromResult(key == record.Key ? record : null);

        public Task<string?> GetDraftAsync(string key, CancellationToken ct) => Task.FromResult<string?>(null);

        public Task SaveDraftAsync(string key, string xml, DateTimeOffset at, CancellationToken ct) =>
            throw new NotSupportedException();

        public Task<DefinitionRecord> PublishAsync(string key, string name, string xml, DateTimeOffset at, CancellationToken ct) =>
            throw new NotSupportedException();
    }
}
