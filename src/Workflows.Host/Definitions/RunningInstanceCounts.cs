using Microsoft.EntityFrameworkCore;
using Workflows.Engine.EntityFrameworkCore;
using Workflows.Engine.Execution;

namespace Workflows.Host.Definitions;

/// <summary>Running instances per (key, version): one GROUP BY, so the list doesn't page through instances.</summary>
public sealed class RunningInstanceCounts(IDbContextFactory<WorkflowsDbContext> contexts)
{
    public async Task<IReadOnlyDictionary<(string Key, int Version), int>> ByVersionAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.Instances.AsNoTracking()
            .Where(i => i.Status == InstanceStatus.Running)
            .GroupBy(i => new { i.DefinitionKey, i.DefinitionVersion })
            .Select(g => new { g.Key.DefinitionKey, g.Key.DefinitionVersion, Count = g.Count() })
            .ToListAsync(ct);
        return rows.ToDictionary(r => (r.DefinitionKey, r.DefinitionVersion), r => r.Count);
    }
}
