using DotNet.Testcontainers.Builders;
using Testcontainers.PostgreSql;

namespace Workflows.Engine.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests use, found once per test run: <c>WORKFLOWS_TEST_POSTGRES</c> if set, else a
/// Testcontainers container, else the tests fail (never skip: a green run must have exercised PostgreSQL).
/// </summary>
public static class PostgreSqlServer
{
    public const string Variable = "WORKFLOWS_TEST_POSTGRES";

    private static readonly Lazy<Task<string>> Server = new(FindAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A connection string with rights to create and drop databases.</summary>
    public static Task<string> ConnectionStringAsync() => Server.Value;

    private static async Task<string> FindAsync()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(configured)) return configured;

        try
        {
            var container = new PostgreSqlBuilder("postgres:17-alpine").Build();
            await container.StartAsync();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return container.GetConnectionString();
        }
        catch (DockerUnavailableException e)
        {
            throw new InvalidOperationException(
                $"The PostgreSQL tests need a server and there is no Docker engine for Testcontainers. Start a local " +
                $"cluster and point {Variable} at it:{Environment.NewLine}" +
                $"  export {Variable}=\"$(sh scripts/postgres/start.sh | tail -1)\"", e);
        }
    }
}
