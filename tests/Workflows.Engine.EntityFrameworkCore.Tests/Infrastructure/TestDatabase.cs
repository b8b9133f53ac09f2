using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Workflows.Engine.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>One fresh, uniquely named database (a PostgreSQL database on the test server, or a SQLite temp file),
/// removed again on dispose.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly Func<ValueTask> _drop;

    private TestDatabase(WorkflowsStorageOptions options, Func<ValueTask> drop)
    {
        Options = options;
        _drop = drop;
    }

    public WorkflowsStorageOptions Options { get; }

    public StorageProvider Provider => Options.Provider;

    public static async Task<TestDatabase> CreatePostgreSqlAsync()
    {
        var server = await PostgreSqlServer.ConnectionStringAsync();
        var name = $"wf_test_{Guid.NewGuid():N}";
        await ExecuteOnServerAsync(server, $"CREATE DATABASE \"{name}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new TestDatabase(new WorkflowsStorageOptions { Provider = StorageProvider.PostgreSql, ConnectionString = connectionString },
            async () =>
            {
                NpgsqlConnection.ClearAllPools();
                await ExecuteOnServerAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            });
    }

    public static TestDatabase CreateSqlite()
    {
        var file = Path.Combine(Path.GetTempPath(), $"wf-test-{Guid.NewGuid():N}.db");
        return new TestDatabase(new WorkflowsStorageOptions { Provider = StorageProvider.Sqlite, ConnectionString = $"Data Source={file}" },
            () =>
            {
                SqliteConnection.ClearAllPools();
                foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(file + suffix);
                return ValueTask.CompletedTask;
            });
    }

    public static async Task<TestDatabase> CreateAsync(StorageProvider provider) =>
        provider == StorageProvider.PostgreSql ? await CreatePostgreSqlAsync() : CreateSqlite();

    /// <summary>A host's view of the database: its own context pool, as a separate process would have.</summary>
    public ServiceProvider NewServices() => new ServiceCollection().AddWorkflowsStorage(Options).BuildServiceProvider();

    public async Task MigrateAsync()
    {
        await using var services = NewServices();
        await WorkflowsDatabase.MigrateAsync(services);
    }

    /// <summary>Empties every table, children first, so each test starts from nothing.</summary>
    public async Task ResetAsync()
    {
        await using var services = NewServices();
        await using var db = await services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync();
        foreach (var table in new[] { "message_subscriptions", "timers", "outbox", "journal", "instances", "definitions", "definition_drafts" })
#pragma warning disable EF1002 // table names are constants above, not input
            await db.Database.ExecuteSqlRawAsync($"DELETE FROM {table}");
#pragma warning restore EF1002
    }

    public async ValueTask DisposeAsync() => await _drop();

    private static async Task ExecuteOnServerAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
