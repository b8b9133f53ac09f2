using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Workflows.Engine.EntityFrameworkCore.Tests.Infrastructure;

namespace Workflows.Engine.EntityFrameworkCore.Tests;

public sealed class WorkflowsDatabaseTests
{
    [Fact]
    public async Task Migrating_at_start_up_says_what_it_applies_and_where_without_credentials()
    {
        await using var database = await TestDatabase.CreatePostgreSqlAsync();
        var logs = new LogCollector();
        await using var services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(logs))
            .AddWorkflowsStorage(database.Options)
            .BuildServiceProvider();

        await WorkflowsDatabase.MigrateAsync(services);
        await WorkflowsDatabase.MigrateAsync(services);

        var lines = logs.Lines.Where(l => l.Contains("Workflows storage", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, lines.Count);
        var name = new Npgsql.NpgsqlConnectionStringBuilder(database.Options.ConnectionString).Database;
        Assert.Contains("applying 1 migration(s) to PostgreSql database ", lines[0]);
        Assert.Contains($"/{name}: ", lines[0]);
        Assert.Contains("_Initial", lines[0]);
        Assert.Contains("migrated to", lines[1]);
        Assert.Contains("is up to date", lines[2]);
        Assert.DoesNotContain(logs.Lines, l => l.Contains("Password", StringComparison.OrdinalIgnoreCase));
    }

    private sealed class LogCollector : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<string> Lines { get; } = new();
        public ILogger CreateLogger(string categoryName) => this;
        public void Dispose() { }
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) Lines.Enqueue(formatter(state, exception));
        }
    }
}
