using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Engine.EntityFrameworkCore.Tests.Infrastructure;

namespace Workflows.Engine.EntityFrameworkCore.Tests;

public sealed class MigrationTests
{
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.PostgreSql)]
    public async Task Migrations_apply_cleanly_to_an_empty_database_and_match_the_model(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.NewServices();

        await WorkflowsDatabase.MigrateAsync(services);
        // A second start finds nothing to do.
        await WorkflowsDatabase.MigrateAsync(services);

        await using var db = await services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Contains(await db.Database.GetAppliedMigrationsAsync(), m => m.EndsWith("_Initial", StringComparison.Ordinal));
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a migration: run dotnet ef migrations add.");
        Assert.Equal(0, await db.Instances.CountAsync());
    }

    [Fact]
    public async Task Each_provider_has_its_own_migrations()
    {
        await using var sqlite = TestDatabase.CreateSqlite();
        await using var services = sqlite.NewServices();
        await using var db = await services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync();
        Assert.All(db.Database.GetMigrations(), m => Assert.EndsWith("_Initial", m));
        Assert.IsType<Sqlite.SqliteWorkflowsDbContext>(db);
    }

    [Fact]
    public async Task A_sqlite_database_is_created_in_its_folder_and_runs_in_wal_mode()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"wf-test-{Guid.NewGuid():N}", "data");
        var options = new WorkflowsStorageOptions { ConnectionString = WorkflowsStorageOptions.DefaultSqliteConnectionString(folder) };
        try
        {
            await using (var services = new ServiceCollection().AddWorkflowsStorage(options).BuildServiceProvider())
                await WorkflowsDatabase.MigrateAsync(services);

            Assert.True(File.Exists(Path.Combine(folder, "workflows.db")));
            await using var connection = new SqliteConnection(options.ConnectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode";
            Assert.Equal("wal", await command.ExecuteScalarAsync());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }
}
