using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Workflows.Engine.EntityFrameworkCore.Entities;
using Workflows.Engine.EntityFrameworkCore.Sql;
using Workflows.Engine.Runtime;

namespace Workflows.Engine.EntityFrameworkCore.Stores;

/// <summary>Published definition versions (immutable) and one draft per key.</summary>
public sealed class EfDefinitionStore(IDbContextFactory<WorkflowsDbContext> contexts, ISqlDialect dialect) : IDefinitionStore
{
    /// <summary>Two hosts publishing the same key at once both pick the same next version; the loser re-reads and retries.</summary>
    private const int PublishAttempts = 5;

    public async Task<IReadOnlyList<DefinitionRecord>> ListAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.Definitions.AsNoTracking().OrderBy(d => d.Key).ThenBy(d => d.Version).ToListAsync(ct);
        return rows.Select(ToRecord).ToList();
    }

    public async Task<DefinitionRecord?> GetAsync(string key, int version, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.Definitions.AsNoTracking().SingleOrDefaultAsync(d => d.Key == key && d.Version == version, ct);
        return row is null ? null : ToRecord(row);
    }

    public async Task<DefinitionRecord?> GetLatestPublishedAsync(string key, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await LatestPublished(db, key).FirstOrDefaultAsync(ct);
        return row is null ? null : ToRecord(row);
    }

    public async Task<string?> GetDraftAsync(string key, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Drafts.Where(d => d.Key == key).Select(d => d.Xml).SingleOrDefaultAsync(ct);
    }

    public async Task SaveDraftAsync(string key, string xml, DateTimeOffset at, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var updated = await db.Drafts.Where(d => d.Key == key)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Xml, xml).SetProperty(d => d.UpdatedAt, at), ct);
        if (updated == 1) return;
        db.Drafts.Add(new DraftRow { Key = key, Xml = xml, UpdatedAt = at });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (dialect.IsUniqueViolation(e))
        {
            // Another save created the draft between our update and insert; last writer wins, as for an update.
            db.ChangeTracker.Clear();
            await db.Drafts.Where(d => d.Key == key)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Xml, xml).SetProperty(d => d.UpdatedAt, at), ct);
        }
    }

    public async Task<DefinitionRecord> PublishAsync(string key, string name, string xml, DateTimeOffset at,
        CancellationToken ct)
    {
        var hash = ContentHash(xml);
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var latest = await LatestPublished(db, key).FirstOrDefaultAsync(ct);
            if (latest is not null && latest.ContentHash == hash) return ToRecord(latest);

            // Numbered after every stored version of the key, published or not, so a number is never reused.
            var last = await db.Definitions.Where(d => d.Key == key).MaxAsync(d => (int?)d.Version, ct) ?? 0;
            var row = new DefinitionRow
            {
                Key = key, Version = last + 1, Name = name, Xml = xml, ContentHash = hash, Published = true, CreatedAt = at,
            };
            db.Definitions.Add(row);
            try
            {
                await db.SaveChangesAsync(ct);
                return ToRecord(row);
            }
            catch (DbUpdateException e) when (dialect.IsUniqueViolation(e) && attempt < PublishAttempts)
            {
            }
        }
    }

    /// <summary>SHA-256 of the XML exactly as given (UTF-8), lower-case hex.</summary>
    public static string ContentHash(string xml) => DefinitionRecord.HashOf(xml);

    private static IQueryable<DefinitionRow> LatestPublished(WorkflowsDbContext db, string key) =>
        db.Definitions.AsNoTracking().Where(d => d.Key == key && d.Published).OrderByDescending(d => d.Version);

    private static DefinitionRecord ToRecord(DefinitionRow d) =>
        new(d.Key, d.Version, d.Name, d.Xml, d.ContentHash, d.Published, d.CreatedAt);
}
