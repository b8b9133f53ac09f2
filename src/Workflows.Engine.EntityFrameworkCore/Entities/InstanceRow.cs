using Workflows.Engine.Execution;

namespace Workflows.Engine.EntityFrameworkCore.Entities;

/// <summary>
/// One instance: its serialized state plus the columns queries filter on, copied from that state at
/// every commit. <see cref="Version"/> is the optimistic-concurrency counter: a commit updates the row
/// only <c>WHERE version = expected</c>.
/// </summary>
public sealed class InstanceRow
{
    public string Id { get; set; } = "";
    public string DefinitionKey { get; set; } = "";
    public int DefinitionVersion { get; set; }
    public string? CorrelationKey { get; set; }
    public InstanceStatus Status { get; set; }

    /// <summary>The state as JSON text. Text, not jsonb: jsonb would reorder keys and normalise numbers, and the
    /// replay tests compare the stored form byte for byte.</summary>
    public string State { get; set; } = "";
    public long Version { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Unique when set: a retried start with the same key finds the first instance.</summary>
    public string? IdempotencyKey { get; set; }
}
