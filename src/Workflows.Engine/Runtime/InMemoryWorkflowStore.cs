using System.Security.Cryptography;
using System.Text;
using Workflows.Engine.Execution;
using Workflows.Engine.Journal;

namespace Workflows.Engine.Runtime;

/// <summary>
/// Every store contract in memory, for tests and single-process tools. It honours the same rules as the
/// database stores: optimistic concurrency on the instance version, unique idempotency keys, journal
/// sequences that continue without gaps, a fired timer's row removed exactly once, and leases on
/// claimed timers and outbox rows. Thread-safe (one lock); states are stored as JSON, so callers
/// always get their own copy.
/// </summary>
public sealed partial class InMemoryWorkflowStore : IDefinitionStore, IInstanceStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, List<DefinitionRecord>> definitions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> drafts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, InstanceRow> instances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> idempotencyKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<JournalEntry>> journals = new(StringComparer.Ordinal);

    // ── IDefinitionStore ────────────────────────────────────────────────────────────────────────────

    public Task<IReadOnlyList<DefinitionRecord>> ListAsync(CancellationToken ct)
    {
        lock (gate)
            return Task.FromResult<IReadOnlyList<DefinitionRecord>>(
                definitions.Values.SelectMany(v => v).OrderBy(d => d.Key, StringComparer.Ordinal).ThenBy(d => d.Version).ToList());
    }

    public Task<DefinitionRecord?> GetAsync(string key, int version, CancellationToken ct)
    {
        lock (gate)
            return Task.FromResult(definitions.GetValueOrDefault(key)?.FirstOrDefault(d => d.Version == version));
    }

    public Task<DefinitionRecord?> GetLatestPublishedAsync(string key, CancellationToken ct)
    {
        lock (gate)
            return Task.FromResult(definitions.GetValueOrDefault(key)?.Where(d => d.Published).MaxBy(d => d.Version));
    }

    public Task<string?> GetDraftAsync(string key, CancellationToken ct)
    {
        lock (gate) return Task.FromResult(drafts.GetValueOrDefault(key));
    }

    public Task SaveDraftAsync(string key, string xml, DateTimeOffset at, CancellationToken ct)
    {
        lock (gate) drafts[key] = xml;
        return Task.CompletedTask;
    }

    public Task<DefinitionRecord> PublishAsync(string key, string name, string xml, DateTimeOffset at, CancellationToken ct)
    {
        var hash = DefinitionRecord.HashOf(xml);
        lock (gate)
        {
            if (!definitions.TryGetValue(key, out var versions)) definitions[key] = versions = [];
            var latest = versions.Where(d => d.Published).MaxBy(d => d.Version);
            if (latest is not null && latest.ContentHash == hash) return Task.FromResult(latest);
            var record = new DefinitionRecord(key, versions.Count == 0 ? 1 : versions.Max(d => d.Version) + 1, name, xml, hash,
                Published: true, at);
            versions.Add(record);
            return Task.FromResult(record);
        }
    }

    // ── IInstanceStore ──────────────────────────────────────────────────────────────────────────────

    public Task<StoredInstance?> LoadAsync(string instanceId, CancellationToken ct)
    {
        lock (gate)
        {
            return Task.FromResult(instances.TryGetValue(instanceId, out var row)
                ? new StoredInstance(InstanceStateSerializer.Deserialize(row.Json), row.Version)
                : null);
        }
    }

    public Task<IReadOnlyList<string>> FindWaitingForMessageAsync(string messageName, string correlationKey, CancellationToken ct)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<string>>(instances.Values
                .Where(r => r.State.Status == InstanceStatus.Running && r.State.CorrelationKey == correlationKey
                            && r.State.Messages.Values.Any(m => m.MessageName == messageName))
                .Select(r => r.State.InstanceId)
                .Order(StringComparer.Ordinal)
                .ToList());
        }
    }

    public Task<string?> FindByIdempotencyKeyAsync(string idempotencyKey, CancellationToken ct)
    {
        lock (gate) return Task.FromResult(idempotencyKeys.GetValueOrDefault(idempotencyKey));
    }

    public Task CommitAsync(InstanceCommit commit, CancellationToken ct)
    {
        var json = InstanceStateSerializer.Serialize(commit.State);
        var id = commit.State.InstanceId;
        lock (gate)
        {
            var current = instances.TryGetValue(id, out var row) ? row.Version : 0;
            if (current != commit.ExpectedVersion)
                throw new ConcurrencyConflictException($"Instance {id} is at version {current}, not {commit.ExpectedVersion}.");
            if (commit.IdempotencyKey is { } key && idempotencyKeys.TryGetValue(key, out var owner) && owner != id)
                throw new ConcurrencyConflictException($"Idempotency key '{key}' already started instance {owner}.");
            if (commit.FiredTimerId is { } fired && !timers.ContainsKey((id, fired)))
                throw new ConcurrencyConflictException($"Timer {fired} of instance {id} was already fired.");
            var journal = journals.GetValueOrDefault(id) ?? [];
            var expected = journal.Count == 0 ? 1 : journal[^1].Sequence + 1;
            for (var i = 0; i < commit.Journal.Count; i++)
            {
                if (commit.Journal[i].Sequence != expected + i)
                    throw new ConcurrencyConflictException($"Journal row {commit.Journal[i].Sequence} of instance {id} is taken or out of sequence.");
            }
            if (commit.Outbox.FirstOrDefault(o => outbox.ContainsKey(o.Id)) is { } duplicate)
                throw new ConcurrencyConflictException($"Outbox message {duplicate.Id} already exists.");

            instances[id] = new InstanceRow(json, InstanceStateSerializer.Deserialize(json), current + 1);
            if (commit.IdempotencyKey is { } newKey) idempotencyKeys[newKey] = id;
            journals[id] = [.. journal, .. commit.Journal];
            foreach (var timerId in commit.TimersRemoved) timers.Remove((id, timerId));
            if (commit.FiredTimerId is { } firedId) timers.Remove((id, firedId));
            foreach (var timer in commit.TimersArmed)
                timers[(id, timer.TimerId)] = new TimerRow(new DueTimer(id, timer.TimerId, timer.DueAt));
            foreach (var message in commit.Outbox) outbox[message.Id] = new OutboxRow(message);
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(string instanceId, CancellationToken ct)
    {
        lock (gate) return Task.FromResult<IReadOnlyList<JournalEntry>>(journals.GetValueOrDefault(instanceId)?.ToList() ?? []);
    }

    public Task<IReadOnlyList<InstanceSummary>> QueryAsync(InstanceQuery query, CancellationToken ct)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<InstanceSummary>>(instances.Values
                .Where(r => query.DefinitionKey is null || r.State.DefinitionKey == query.DefinitionKey)
                .Where(r => query.DefinitionVersion is null || r.State.DefinitionVersion == query.DefinitionVersion)
                .Where(r => query.Status is null || r.State.Status == query.Status)
                .Where(r => query.CorrelationKey is null || r.State.CorrelationKey == query.CorrelationKey)
                .OrderBy(r => r.State.StartedAt).ThenBy(r => r.State.InstanceId, StringComparer.Ordinal)
                .Skip(query.Skip).Take(query.Take)
                .Select(r => new InstanceSummary(r.State.InstanceId, r.State.DefinitionKey, r.State.DefinitionVersion,
                    r.State.CorrelationKey, r.State.Status, r.State.StartedAt, r.State.EndedAt, r.Version))
                .ToList());
        }
    }

    // ── Test hooks ──────────────────────────────────────────────────────────────────────────────────

    /// <summary>Replaces one stored journal row (tests tamper with journals through this).</summary>
    public void ReplaceJournalEntry(JournalEntry entry)
    {
        lock (gate)
        {
            var journal = journals[entry.InstanceId];
            journal[journal.FindIndex(e => e.Sequence == entry.Sequence)] = entry;
        }
    }

    /// <summary>Removes one stored journal row (tests delete rows through this).</summary>
    public void RemoveJournalEntry(string instanceId, long sequence)
    {
        lock (gate) journals[instanceId].RemoveAll(e => e.Sequence == sequence);
    }

    /// <param name="State">A private copy, read by look-ups; never handed out.</param>
    private sealed record InstanceRow(string Json, InstanceState State, long Version);
}
