using Microsoft.EntityFrameworkCore;
using Workflows.Engine.EntityFrameworkCore.Entities;
using Workflows.Engine.EntityFrameworkCore.Serialization;
using Workflows.Engine.EntityFrameworkCore.Sql;
using Workflows.Engine.Execution;
using Workflows.Engine.Journal;
using Workflows.Engine.Runtime;

namespace Workflows.Engine.EntityFrameworkCore.Stores;

/// <summary>Instances, journals, timers, message subscriptions and outbox rows, committed in one transaction.</summary>
public sealed class EfInstanceStore(IDbContextFactory<WorkflowsDbContext> contexts, ISqlDialect dialect) : IInstanceStore
{
    public async Task<StoredInstance?> LoadAsync(string instanceId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.Instances.AsNoTracking()
            .Where(i => i.Id == instanceId)
            .Select(i => new { i.State, i.Version })
            .SingleOrDefaultAsync(ct);
        return row is null ? null : new StoredInstance(InstanceStateJson.Deserialize(row.State), row.Version);
    }

    public async Task<IReadOnlyList<string>> FindWaitingForMessageAsync(string messageName, string correlationKey,
        CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await (
                from m in db.MessageSubscriptions
                where m.MessageName == messageName && m.CorrelationKey == correlationKey
                join i in db.Instances on m.InstanceId equals i.Id
                where i.Status == InstanceStatus.Running
                select m.InstanceId)
            .Distinct()
            .OrderBy(id => id)
            .ToListAsync(ct);
    }

    public async Task<string?> FindByIdempotencyKeyAsync(string idempotencyKey, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Instances.Where(i => i.IdempotencyKey == idempotencyKey).Select(i => i.Id).SingleOrDefaultAsync(ct);
    }

    public async Task CommitAsync(InstanceCommit commit, CancellationToken ct)
    {
        var state = commit.State;
        var id = state.InstanceId;
        await using var db = await contexts.CreateDbContextAsync(ct);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await WriteInstanceAsync(db, commit, ct);

            if (commit.FiredTimerId is { } fired)
            {
                // Exactly-once firing (ADR 0003): the row goes with this commit or this commit goes.
                var deleted = await db.Timers.Where(t => t.InstanceId == id && t.TimerId == fired).ExecuteDeleteAsync(ct);
                if (deleted != 1)
                    throw new ConcurrencyConflictException($"Timer {fired} of instance {id} was already fired.");
            }

            // Re-armed ids are replaced rather than rejected (a timer may arm again under its own id); the fired
            // timer's row is gone already.
            var replaced = commit.TimersRemoved.Concat(commit.TimersArmed.Select(t => t.TimerId))
                .Where(t => t != commit.FiredTimerId).Distinct().ToList();
            if (replaced.Count > 0 && commit.ExpectedVersion > 0)
                await db.Timers.Where(t => t.InstanceId == id && replaced.Contains(t.TimerId)).ExecuteDeleteAsync(ct);

            if (commit.ExpectedVersion > 0)
                await db.MessageSubscriptions.Where(m => m.InstanceId == id).ExecuteDeleteAsync(ct);

            db.MessageSubscriptions.AddRange(state.Messages.Values.Select(m => new MessageSubscriptionRow
            {
                InstanceId = id, SubscriptionId = m.SubscriptionId, MessageName = m.MessageName,
                CorrelationKey = state.CorrelationKey, NodeId = m.NodeId,
            }));
            db.Journal.AddRange(commit.Journal.Select(e => new JournalRow
            {
                InstanceId = e.InstanceId, Sequence = e.Sequence, At = e.At, Actor = e.Actor, ElementId = e.ElementId,
                EventType = e.EventType, Payload = e.Payload, PreviousHash = e.PreviousHash, Hash = e.Hash,
            }));
            db.Timers.AddRange(commit.TimersArmed.Select(t => new TimerRow
            {
                InstanceId = id, TimerId = t.TimerId, NodeId = t.NodeId, DueAt = t.DueAt,
            }));
            db.Outbox.AddRange(commit.Outbox.Select(o => new OutboxRow
            {
                Id = o.Id, InstanceId = o.InstanceId, Kind = o.Kind, Payload = o.Payload, CreatedAt = o.CreatedAt,
                Attempts = o.Attempts, NextAttemptAt = o.NextAttemptAt ?? o.CreatedAt, LastError = o.LastError,
            }));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (Exception e) when (dialect.IsUniqueViolation(e))
        {
            // The instance id (a concurrent start), a journal sequence (a concurrent append) or the
            // idempotency key (a concurrent retried start) was taken first: the command runs again.
            throw new ConcurrencyConflictException(
                $"Instance {id}: a concurrent commit wrote the same row first ({Innermost(e).Message}).");
        }
    }

    /// <summary>Inserts a new instance (expected version 0), or updates it only if its version is still the one read.</summary>
    private static async Task WriteInstanceAsync(WorkflowsDbContext db, InstanceCommit commit, CancellationToken ct)
    {
        var state = commit.State;
        var json = InstanceStateJson.Serialize(state);
        if (commit.ExpectedVersion == 0)
        {
            db.Instances.Add(new InstanceRow
            {
                Id = state.InstanceId, DefinitionKey = state.DefinitionKey, DefinitionVersion = state.DefinitionVersion,
                CorrelationKey = state.CorrelationKey, Status = state.Status, State = json, Version = 1,
                StartedAt = state.StartedAt, EndedAt = state.EndedAt, IdempotencyKey = commit.IdempotencyKey,
            });
            // Inserted with the journal and timer rows by the SaveChanges that ends the commit (EF Core
            // orders the instance first); a duplicate id fails there as a unique violation.
            return;
        }

        var next = commit.ExpectedVersion + 1;
        var updated = await db.Instances
            .Where(i => i.Id == state.InstanceId && i.Version == commit.ExpectedVersion)
            .ExecuteUpdateAsync(s =>
            {
                s.SetProperty(i => i.Version, next);
                s.SetProperty(i => i.State, json);
                s.SetProperty(i => i.Status, state.Status);
                s.SetProperty(i => i.CorrelationKey, state.CorrelationKey);
                s.SetProperty(i => i.DefinitionKey, state.DefinitionKey);
                s.SetProperty(i => i.DefinitionVersion, state.DefinitionVersion);
                s.SetProperty(i => i.StartedAt, state.StartedAt);
                s.SetProperty(i => i.EndedAt, state.EndedAt);
                if (commit.IdempotencyKey is { } key) s.SetProperty(i => i.IdempotencyKey, key);
            }, ct);
        if (updated != 1)
            throw new ConcurrencyConflictException(
                $"Instance {state.InstanceId} is no longer at version {commit.ExpectedVersion} (or does not exist).");
    }

    public async Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(string instanceId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Journal.AsNoTracking()
            .Where(j => j.InstanceId == instanceId)
            .OrderBy(j => j.Sequence)
            .Select(j => new JournalEntry(j.InstanceId, j.Sequence, j.At, j.Actor, j.ElementId, j.EventType, j.Payload,
                j.PreviousHash, j.Hash))
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<InstanceSummary>> QueryAsync(InstanceQuery query, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = db.Instances.AsNoTracking();
        if (query.DefinitionKey is { } key) rows = rows.Where(i => i.DefinitionKey == key);
        if (query.DefinitionVersion is { } version) rows = rows.Where(i => i.DefinitionVersion == version);
        if (query.Status is { } status) rows = rows.Where(i => i.Status == status);
        if (query.CorrelationKey is { } correlation) rows = rows.Where(i => i.CorrelationKey == correlation);
        return await rows
            .OrderByDescending(i => i.StartedAt).ThenBy(i => i.Id)
            .Skip(query.Skip).Take(query.Take)
            .Select(i => new InstanceSummary(i.Id, i.DefinitionKey, i.DefinitionVersion, i.CorrelationKey, i.Status,
                i.StartedAt, i.EndedAt, i.Version))
            .ToListAsync(ct);
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e;
    }
}
