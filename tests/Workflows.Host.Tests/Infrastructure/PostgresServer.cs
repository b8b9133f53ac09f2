using Npgsql;
using Testcontainers.PostgreSql;

namespace Workflows.Host.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the API tests run against: <c>WORKFLOWS_TEST_POSTGRES</c> (a server connection
/// string) if set, else a Testcontainers container, else the tests FAIL saying how to start one — they
/// never silently skip, because API tests that didn't run prove nothing.
/// </summary>
public static class PostgresServer
{
    public const string EnvironmentVariable = "WORKFLOWS_TEST_POSTGRES";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _connectionString;
    private static PostgreSqlContainer? _container;

    public static async Task<string> ConnectionStringAsync()
    {
        await Gate.WaitAsync();
        try
        {
            return _connectionString ??= await ResolveAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<string> ResolveAsync()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment)) return fromEnvironment;
        try
        {
            _container = new PostgreSqlBuilder("postgres:17-alpine").Build();
            await _container.StartAsync();
            return _container.GetConnectionString();
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException(
                $"The host's API tests need PostgreSQL and found none. Set {EnvironmentVariable} to a server connection " +
                "string — `sh scripts/postgres/start.sh` starts a local cluster and prints it, e.g. " +
                $"`export {EnvironmentVariable}=\"$(sh scripts/postgres/start.sh | tail -1)\"` — or run a Docker engine " +
                $"for Testcontainers. ({ex.GetType().Name}: {ex.Message})", ex);
        }
    }

    /// <summary>A new, empty database on the server; returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var server = await ConnectionStringAsync();
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 33)].ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(await ConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
