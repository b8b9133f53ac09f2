namespace Workflows.Engine.Runtime;

public sealed record TimerPumpOptions
{
    /// <summary>Names this pump's leases; must differ between hosts sharing a store.</summary>
    public string Owner { get; init; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>Timers claimed per round.</summary>
    public int BatchSize { get; init; } = 50;

    /// <summary>How long a claimed timer is kept from other pumps; after that (a crashed host) another may claim it.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The longest the pump sleeps without looking: timers committed by another host don't wake this one,
    /// so this bounds their lag.
    /// </summary>
    public TimeSpan MaxIdle { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Called after each claimed timer was fired (its result has no journal rows when it had already fired).</summary>
    public Action<DueTimer, CommandResult>? OnFired { get; init; }

    /// <summary>Called each time the pump goes to sleep, with how long it means to (for diagnostics).</summary>
    public Action<TimeSpan>? OnSleep { get; init; }

    /// <summary>Called when firing a timer (timer set) or a whole round (timer null) failed; the pump carries on.</summary>
    public Action<DueTimer?, Exception>? OnError { get; init; }
}
