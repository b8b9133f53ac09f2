namespace Workflows.Engine.Runtime;

/// <summary>Outbox rows for the dispatcher: claim what is due, then mark each delivered or failed.</summary>
public interface IOutboxStore
{
    Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(DateTimeOffset now, int max, string owner, TimeSpan lease, CancellationToken ct);
    Task MarkDeliveredAsync(string id, DateTimeOffset at, CancellationToken ct);

    /// <summary>Records a failed attempt; <paramref name="retryAt"/> null means it failed for good (an incident).</summary>
    Task MarkFailedAsync(string id, string error, DateTimeOffset? retryAt, CancellationToken ct);
}
