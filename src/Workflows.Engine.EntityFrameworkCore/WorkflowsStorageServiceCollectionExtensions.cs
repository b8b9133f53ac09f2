using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Engine.EntityFrameworkCore.PostgreSql;
using Workflows.Engine.EntityFrameworkCore.Sql;
using Workflows.Engine.EntityFrameworkCore.Sqlite;
using Workflows.Engine.EntityFrameworkCore.Stores;
using Workflows.Engine.Runtime;

namespace Workflows.Engine.EntityFrameworkCore;

public static class WorkflowsStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the store on the database that configuration names (see <see cref="WorkflowsStorageOptions.FromConfiguration"/>):
    /// a pooled <see cref="IDbContextFactory{WorkflowsDbContext}"/>, a scoped <see cref="WorkflowsDbContext"/> (for health
    /// checks), the <see cref="ISqlDialect"/>, and <see cref="IDefinitionStore"/>, <see cref="IInstanceStore"/>,
    /// <see cref="ITimerStore"/> and <see cref="IOutboxStore"/>. Call <see cref="WorkflowsDatabase.MigrateAsync"/> at start-up.
    /// </summary>
    public static IServiceCollection AddWorkflowsStorage(this IServiceCollection services, IConfiguration configuration) =>
        services.AddWorkflowsStorage(WorkflowsStorageOptions.FromConfiguration(configuration));

    public static IServiceCollection AddWorkflowsStorage(this IServiceCollection services, WorkflowsStorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            throw new InvalidOperationException("WorkflowsStorageOptions.ConnectionString is empty.");
        services.AddSingleton(options);

        var connectionString = options.ConnectionString;
        switch (options.Provider)
        {
            case StorageProvider.PostgreSql:
                AddDatabase<PostgreSqlWorkflowsDbContext, PostgreSqlDialect>(services,
                    b => PostgreSqlWorkflowsDbContext.Configure(b, connectionString));
                break;
            case StorageProvider.Sqlite:
                AddDatabase<SqliteWorkflowsDbContext, SqliteDialect>(services,
                    b => SqliteWorkflowsDbContext.Configure(b, connectionString));
                break;
            default:
                throw new InvalidOperationException($"Unknown storage provider {options.Provider}.");
        }

        services.AddScoped<WorkflowsDbContext>(sp => sp.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContext());
        services.AddSingleton<IDefinitionStore, EfDefinitionStore>();
        services.AddSingleton<IInstanceStore, EfInstanceStore>();
        services.AddSingleton<ITimerStore, EfTimerStore>();
        services.AddSingleton<IOutboxStore, EfOutboxStore>();
        return services;
    }

    /// <summary>The database's own context type, pooled, handed out as the common <see cref="WorkflowsDbContext"/>.</summary>
    private static void AddDatabase<TContext, TDialect>(IServiceCollection services, Action<DbContextOptionsBuilder> configure)
        where TContext : WorkflowsDbContext
        where TDialect : class, ISqlDialect
    {
        services.AddPooledDbContextFactory<TContext>(configure);
        services.AddSingleton<IDbContextFactory<WorkflowsDbContext>, WorkflowsDbContextFactory<TContext>>();
        services.AddSingleton<ISqlDialect, TDialect>();
    }
}
