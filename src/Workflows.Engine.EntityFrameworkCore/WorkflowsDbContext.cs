using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workflows.Engine.EntityFrameworkCore.Entities;
using Workflows.Engine.EntityFrameworkCore.Conversions;

namespace Workflows.Engine.EntityFrameworkCore;

/// <summary>
/// The one model of the store. Each database has a small subclass
/// (<see cref="PostgreSql.PostgreSqlWorkflowsDbContext"/>, <see cref="Sqlite.SqliteWorkflowsDbContext"/>)
/// that says how instants are stored and owns its own migrations folder; everything else is here.
/// Table and column names are snake_case so that hand-written SQL reads naturally on both databases.
/// </summary>
public abstract class WorkflowsDbContext : DbContext
{
    protected WorkflowsDbContext(DbContextOptions options) : base(options) { }

    public DbSet<DefinitionRow> Definitions => Set<DefinitionRow>();
    public DbSet<DraftRow> Drafts => Set<DraftRow>();
    public DbSet<InstanceRow> Instances => Set<InstanceRow>();
    public DbSet<JournalRow> Journal => Set<JournalRow>();
    public DbSet<TimerRow> Timers => Set<TimerRow>();
    public DbSet<MessageSubscriptionRow> MessageSubscriptions => Set<MessageSubscriptionRow>();
    public DbSet<OutboxRow> Outbox => Set<OutboxRow>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<DefinitionRow>(e =>
        {
            e.ToTable("definitions");
            e.HasKey(d => new { d.Key, d.Version });
        });

        model.Entity<DraftRow>(e =>
        {
            e.ToTable("definition_drafts");
            e.HasKey(d => d.Key);
        });

        model.Entity<InstanceRow>(e =>
        {
            e.ToTable("instances");
            e.HasKey(i => i.Id);
            e.Property(i => i.Status).HasConversion<string>();
            e.HasIndex(i => i.IdempotencyKey).IsUnique();
            e.HasIndex(i => new { i.DefinitionKey, i.DefinitionVersion, i.Status });
            e.HasIndex(i => i.CorrelationKey);
        });

        model.Entity<JournalRow>(e =>
        {
            e.ToTable("journal");
            e.HasKey(j => new { j.InstanceId, j.Sequence });
            e.Property(j => j.At).HasConversion(UtcTicksConverter.Instance);
            BelongsToInstance(e, j => j.InstanceId);
        });

        model.Entity<TimerRow>(e =>
        {
            e.ToTable("timers");
            e.HasKey(t => new { t.InstanceId, t.TimerId });
            e.HasIndex(t => t.DueAt);
            // Lets NextDue find the earliest lease expiry without a scan (see the dialects).
            e.HasIndex(t => t.LeaseUntil);
            BelongsToInstance(e, t => t.InstanceId);
        });

        model.Entity<MessageSubscriptionRow>(e =>
        {
            e.ToTable("message_subscriptions");
            e.HasKey(m => new { m.InstanceId, m.SubscriptionId });
            e.HasIndex(m => new { m.MessageName, m.CorrelationKey });
            BelongsToInstance(e, m => m.InstanceId);
        });

        model.Entity<OutboxRow>(e =>
        {
            e.ToTable("outbox");
            e.HasKey(o => o.Id);
            // Only pending rows are ever claimed; delivered and failed ones stay for the record.
            e.HasIndex(o => o.NextAttemptAt).HasFilter("delivered_at IS NULL AND NOT failed");
            BelongsToInstance(e, o => o.InstanceId);
        });

        foreach (var entity in model.Model.GetEntityTypes())
            foreach (var property in entity.GetProperties())
                property.SetColumnName(SnakeCase(property.Name));
    }

    /// <summary>Rows of an instance cannot outlive it; deleting an instance is deliberate (its journal is evidence), so no cascade.</summary>
    private static void BelongsToInstance<T>(EntityTypeBuilder<T> e, System.Linq.Expressions.Expression<Func<T, object?>> key)
        where T : class =>
        e.HasOne<InstanceRow>().WithMany().HasForeignKey(key).OnDelete(DeleteBehavior.Restrict);

    private static string SnakeCase(string name)
    {
        var s = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) s.Append('_');
            s.Append(char.ToLowerInvariant(name[i]));
        }
        return s.ToString();
    }
}
