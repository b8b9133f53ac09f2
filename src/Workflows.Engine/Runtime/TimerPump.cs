namespace Workflows.Engine.Runtime;

/// <summary>
/// Fires due timers through the runtime. Store-agnostic: claiming (with a lease, so several hosts never
/// work one timer at once) is the <see cref="ITimerStore"/>'s job, and exactly-once is the commit's
/// (<see cref="InstanceCommit.FiredTimerId"/>), so a timer claimed twice after a lease ran out still fires once.
/// Between rounds it sleeps until the next due instant, capped at <see cref="TimerPumpOptions.MaxIdle"/>, and
/// wakes early when this process commits a timer due sooner — low lag without hot polling.
/// </summary>
public sealed class TimerPump : IDisposable
{
    private readonly ITimerStore timers;
    private readonly WorkflowRuntime runtime;
    private readonly TimeProvider timeProvider;
    private readonly TimerPumpOptions options;
    /// <summary>Timers can't wait longer than about 49 days in one go; a pump that long idle just looks again.</summary>
    private static readonly TimeSpan LongestDelay = TimeSpan.FromDays(24);

    private TaskCompletionSource wakeUp = NewSignal();
    private long plannedWakeTicks = long.MaxValue;

    public TimerPump(ITimerStore timers, WorkflowRuntime runtime, TimeProvider timeProvider, TimerPumpOptions? options = null)
    {
        this.timers = timers;
        this.runtime = runtime;
        this.timeProvider = timeProvider;
        this.options = options ?? new TimerPumpOptions();
        runtime.TimerScheduled += Wake;
    }

    /// <summary>Claims the timers due at <paramref name="now"/> (one batch) and fires each; returns how many were claimed.</summary>
    public async Task<int> RunOnceAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        var due = await timers.ClaimDueAsync(now, options.BatchSize, options.Owner, options.Lease, ct);
        foreach (var timer in due)
        {
            try
            {
                var result = await runtime.FireTimerAsync(new FireTimer(timer.InstanceId, timer.TimerId), ct);
                options.OnFired?.Invoke(timer, result);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                // One instance's failure (a missing definition, an exhausted retry) must not stop the others.
                options.OnError?.Invoke(timer, ex);
            }
        }
        return due.Count;
    }

    /// <summary>Pumps until cancelled.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            // Until the sleep is planned, any committed timer wakes us; the signal is taken before looking at
            // the store, so a wake-up that arrives meanwhile is not lost.
            Interlocked.Exchange(ref plannedWakeTicks, long.MaxValue);
            var signal = Volatile.Read(ref wakeUp).Task;
            TimeSpan delay;
            try
            {
                if (await RunOnceAsync(timeProvider.GetUtcNow(), ct) >= options.BatchSize) continue; // more may be due
                var next = await timers.NextDueAsync(ct);
                delay = next is { } due ? due - timeProvider.GetUtcNow() : options.MaxIdle;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                options.OnError?.Invoke(null, ex);
                delay = options.MaxIdle;
            }

            if (delay <= TimeSpan.Zero) continue;
            if (delay > options.MaxIdle) delay = options.MaxIdle;
            if (delay > LongestDelay) delay = LongestDelay;
            Interlocked.Exchange(ref plannedWakeTicks, (timeProvider.GetUtcNow() + delay).UtcTicks);
            options.OnSleep?.Invoke(delay);
            using var sleep = CancellationTokenSource.CreateLinkedTokenSource(ct);
            await Task.WhenAny(Task.Delay(delay, timeProvider, sleep.Token), signal);
            await sleep.CancelAsync();
        }
    }

    /// <summary>A timer due at <paramref name="dueAt"/> was committed: wake up if that is sooner than planned.</summary>
    public void Wake(DateTimeOffset dueAt)
    {
        if (dueAt.UtcTicks >= Interlocked.Read(ref plannedWakeTicks)) return;
        Interlocked.Exchange(ref plannedWakeTicks, long.MaxValue);
        Interlocked.Exchange(ref wakeUp, NewSignal()).TrySetResult();
    }

    public void Dispose() => runtime.TimerScheduled -= Wake;

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
