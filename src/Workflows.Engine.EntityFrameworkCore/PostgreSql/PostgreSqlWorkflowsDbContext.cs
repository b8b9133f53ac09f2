using Microsoft.EntityFrameworkCore;
using Workflows.Engine.EntityFrameworkCore.Conversions;
using Workflows.Engine.EntityFrameworkCore.Entities;

namespace Workflows.Engine.EntityFrameworkCore.PostgreSql;

/// <summary>
/// The model on PostgreSQL: instants as timestamptz (UTC, microseconds), except the journal's (exact ticks, see
/// <see cref="Entities.JournalRow.At"/>). A subclass so that this database has its own migrations
/// (Migrations/PostgreSql), which EF Core tells apart by context type.
/// </summary>
public sealed class PostgreSqlWorkflowsDbContext(DbContextOptions<PostgreSqlWorkflowsDbContext> options)
    : WorkflowsDbContext(options)
{
    public static void Configure(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString);

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration) =>
        configuration.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        // Truncating would make a timer claimable up to 1 µs before it is due.
        model.Entity<TimerRow>().Property(t => t.DueAt).HasConversion<DueInstantConverter>();
    }
}
