using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Workflows.Engine.EntityFrameworkCore;

/// <summary>Schema management the host calls once at start-up.</summary>
public static partial class WorkflowsDatabase
{
    /// <summary>
    /// Applies the configured database's pending migrations (Migrations/PostgreSql or Migrations/Sqlite) and logs
    /// what it applies, so a schema change is never silent. Safe with several hosts starting at once: EF Core takes
    /// a migration lock. For SQLite, creates the database file's folder first.
    /// </summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var options = services.GetRequiredService<WorkflowsStorageOptions>();
        var logger = (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance)
            .CreateLogger(typeof(WorkflowsDatabase).FullName!);
        var target = Describe(options);

        if (options.Provider == StorageProvider.Sqlite) EnsureSqliteFolder(options.ConnectionString);

        await using var db = await services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync(ct);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count == 0)
        {
            LogUpToDate(logger, options.Provider, target);
            return;
        }
        LogApplying(logger, pending.Count, options.Provider, target, string.Join(", ", pending));
        await db.Database.MigrateAsync(ct);
        LogMigrated(logger, options.Provider, target, pending[^1]);
    }

    /// <summary>Where the data is, without credentials (for logs).</summary>
    private static string Describe(WorkflowsStorageOptions options)
    {
        if (options.Provider == StorageProvider.PostgreSql)
        {
            var b = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            return $"{b.Host}:{b.Port}/{b.Database}";
        }
        return new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(source) || source == ":memory:" || source.StartsWith("file:", StringComparison.Ordinal)) return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(source));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }

    [LoggerMessage(LogLevel.Information, "Workflows storage: {Provider} database {Target} is up to date")]
    private static partial void LogUpToDate(ILogger logger, StorageProvider provider, string target);

    [LoggerMessage(LogLevel.Information, "Workflows storage: applying {Count} migration(s) to {Provider} database {Target}: {Migrations}")]
    private static partial void LogApplying(ILogger logger, int count, StorageProvider provider, string target, string migrations);

    [LoggerMessage(LogLevel.Information, "Workflows storage: {Provider} database {Target} migrated to {Migration}")]
    private static partial void LogMigrated(ILogger logger, StorageProvider provider, string target, string migration);
}
