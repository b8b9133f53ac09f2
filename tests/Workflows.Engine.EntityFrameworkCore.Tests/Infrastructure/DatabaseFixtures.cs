namespace Workflows.Engine.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>A migrated database of one provider for one test class.</summary>
public abstract class MigratedDatabaseFixture(StorageProvider provider) : IAsyncLifetime
{
    private TestDatabase? _database;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("The fixture is not initialised.");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await _database.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        if (_database is not null) await _database.DisposeAsync();
    }
}

public sealed class SqliteDatabaseFixture() : MigratedDatabaseFixture(StorageProvider.Sqlite);

public sealed class PostgreSqlDatabaseFixture() : MigratedDatabaseFixture(StorageProvider.PostgreSql);
