using Microsoft.EntityFrameworkCore;
using Workflows.Engine.EntityFrameworkCore.Conversions;

namespace Workflows.Engine.EntityFrameworkCore.Sqlite;

/// <summary>
/// The model on SQLite: instants as UTC ticks (SQLite has no instant type, and EF Core's default text
/// form for DateTimeOffset neither orders nor compares correctly in SQL). A subclass only so that this
/// database has its own migrations (Migrations/Sqlite).
/// </summary>
public sealed class SqliteWorkflowsDbContext(DbContextOptions<SqliteWorkflowsDbContext> options)
    : WorkflowsDbContext(options)
{
    public static void Configure(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString).AddInterceptors(SqliteConnectionSetup.Instance);

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration) =>
        configuration.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
}
