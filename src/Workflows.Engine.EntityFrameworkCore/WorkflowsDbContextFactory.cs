using Microsoft.EntityFrameworkCore;

namespace Workflows.Engine.EntityFrameworkCore;

/// <summary>Hands out the configured database's context as the common <see cref="WorkflowsDbContext"/>, so the stores
/// need not know which database they run on.</summary>
internal sealed class WorkflowsDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<WorkflowsDbContext>
    where TContext : WorkflowsDbContext
{
    public WorkflowsDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<WorkflowsDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
