namespace Workflows.Engine.Runtime;

/// <summary>
/// Due timers for the pump. Claiming takes a lease so that several hosts never work the same
/// timer at once; the firing itself is made exactly-once by the commit removing the timer row
/// (see <see cref="InstanceCommit.FiredTimerId"/>).
/// </summary>
public interface ITimerStore
{
    Task<IReadOnlyList<DueTimer>> ClaimDueAsync(DateTimeOffset now, int max, string owner, TimeSpan lease, CancellationToken ct);
    Task<DateTimeOffset?> NextDueAsync(CancellationToken ct);
}
