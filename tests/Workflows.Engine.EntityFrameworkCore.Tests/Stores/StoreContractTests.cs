using Microsoft.Extensions.DependencyInjection;
using Workflows.Engine.EntityFrameworkCore.Tests.Infrastructure;
using Workflows.Engine.Runtime;

namespace Workflows.Engine.EntityFrameworkCore.Tests.Stores;

/// <summary>
/// What every store must do, whatever the database. Each subclass runs the whole suite against one
/// provider, on a database of its own that is emptied before each test.
/// </summary>
public abstract partial class StoreContractTests(TestDatabase database) : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;

    private ServiceProvider _services = null!;

    protected TestDatabase Database { get; } = database;

    private IInstanceStore InstanceStore => _services.GetRequiredService<IInstanceStore>();
    private ITimerStore TimerStore => _services.GetRequiredService<ITimerStore>();
    private IOutboxStore OutboxStore => _services.GetRequiredService<IOutboxStore>();
    private IDefinitionStore DefinitionStore => _services.GetRequiredService<IDefinitionStore>();

    public async Task InitializeAsync()
    {
        await Database.ResetAsync();
        _services = Database.NewServices();
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    /// <summary>Commits <paramref name="commit"/> and expects the store to refuse it as a concurrency conflict.</summary>
    private async Task ConflictAsync(InstanceCommit commit) =>
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => InstanceStore.CommitAsync(commit, None));
}

public sealed class SqliteStoreContractTests(SqliteDatabaseFixture fixture)
    : StoreContractTests(fixture.Database), IClassFixture<SqliteDatabaseFixture>;

public sealed class PostgreSqlStoreContractTests(PostgreSqlDatabaseFixture fixture)
    : StoreContractTests(fixture.Database), IClassFixture<PostgreSqlDatabaseFixture>;
