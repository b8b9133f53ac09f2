using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Workflows.Engine.EntityFrameworkCore;

namespace Workflows.Bench;

/// <summary>
/// A fresh, empty, migrated database for one run: a uniquely named PostgreSQL database created on the given
/// server (dropped on dispose), or a new SQLite file (deleted on dispose).
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly Func<ValueTask> drop;

    private BenchDatabase(WorkflowsStorageOptions options, string description, Func<ValueTask> drop)
    {
        Options = options;
        Description = description;
        this.drop = drop;
    }

    public WorkflowsStorageOptions Options { get; }

    /// <summary>Where the data is, without credentials.</summary>
    public string Description { get; }

    public static async Task<BenchDatabase> CreateAsync(StorageProvider provider, BenchOptions options, CancellationToken ct)
    {
        if (provider == StorageProvider.Sqlite)
        {
            var folder = options.SqliteDirectory ?? Path.GetTempPath();
            Directory.CreateDirectory(folder);
            var file = Path.GetFullPath(Path.Combine(folder, $"wf-bench-{Guid.NewGuid():N}.db"));
            return new BenchDatabase(
                new WorkflowsStorageOptions { Provider = StorageProvider.Sqlite, ConnectionString = $"Data Source={file}" },
                file,
                () =>
                {
                    SqliteConnection.ClearAllPools();
                    foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(file + suffix);
                    return ValueTask.CompletedTask;
                });
        }

        var server = options.PostgresConnectionString
                     ?? throw new InvalidOperationException($"No PostgreSQL server: set --postgres or {BenchOptions.PostgresVariable}.");
        var name = $"wf_bench_{DateTime.UtcNow:yyyyMMddHHmmss}_{Guid.NewGuid():N}"[..40];
        await ExecuteOnServerAsync(server, $"CREATE DATABASE \"{name}\"", ct);
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new BenchDatabase(
            new WorkflowsStorageOptions { Provider = StorageProvider.PostgreSql, ConnectionString = builder.ConnectionString },
            $"{builder.Host}:{builder.Port}/{name}",
            async () =>
            {
                NpgsqlConnection.ClearAllPools();
                // Dropped even when the run was cancelled: no token.
                await ExecuteOnServerAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", CancellationToken.None);
            });
    }

    /// <summary>One host's view of the database: the stores as <c>AddWorkflowsStorage</c> registers them.</summary>
    public ServiceProvider NewServices() => new ServiceCollection().AddWorkflowsStorage(Options).BuildServiceProvider();

    public async ValueTask DisposeAsync() => await drop();

    private static async Task ExecuteOnServerAsync(string server, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
