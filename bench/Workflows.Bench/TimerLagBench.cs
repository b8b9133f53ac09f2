using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Engine.EntityFrameworkCore;
using Workflows.Engine.Runtime;

namespace Workflows.Bench;

/// <summary>
/// Timer lag in real time. With <see cref="BenchOptions.PendingTimers"/> far-future timers in the table, the real
/// <see cref="TimerPump.RunAsync"/> runs on <see cref="TimeProvider.System"/> with the host's default options while
/// <see cref="BenchOptions.LagTimers"/> probe instances arm timers due at instants spread evenly over
/// <see cref="BenchOptions.LagSpread"/>. For each probe: lag = the instant its firing committed − its stored due instant.
/// </summary>
public static class TimerLagBench
{
    public const string ProbeKey = "lag-probe";

    /// <param name="startsPerSecond">The drive's start rate: the probes' first due instant is set after the time
    /// arming them all should take, so that most of them fire on an otherwise idle host.</param>
    public static async Task<LagResult> RunAsync(IServiceProvider services, BenchOptions options, DefinitionRecord ladder,
        double startsPerSecond, TextWriter log, CancellationToken ct)
    {
        var seeding = Stopwatch.StartNew();
        var (startSeconds, insertSeconds) = await BallastSeeder.SeedAsync(services, ladder, options.PendingTimers, ct);
        var seedSeconds = seeding.Elapsed.TotalSeconds;
        var contexts = services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>();
        int pending;
        await using (var db = await contexts.CreateDbContextAsync(ct)) pending = await db.Timers.CountAsync(ct);
        log.WriteLine($"  seeded {options.PendingTimers:N0} waiting ladder instances ({pending:N0} pending timers) in {seedSeconds:F1} s " +
                      $"(start commands {startSeconds:F1} s, bulk insert {insertSeconds:F1} s)");

        var definitions = services.GetRequiredService<IDefinitionStore>();
        var time = TimeProvider.System;
        await definitions.PublishAsync(ProbeKey, "Timer-lag probe", Bench.Bpmn("lag-probe.bpmn"), time.GetUtcNow(), ct);
        var runtime = new WorkflowRuntime(definitions, services.GetRequiredService<IInstanceStore>(), time);

        var probes = options.LagTimers;
        var lags = new ConcurrentQueue<double>();
        long lastFiredTicks = 0;
        var errors = new ConcurrentQueue<Exception>();
        var extra = 0;
        var allFired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var pump = new TimerPump(services.GetRequiredService<ITimerStore>(), runtime, time, new TimerPumpOptions
        {
            Owner = "bench-lag",
            OnFired = (timer, result) =>
            {
                var firedAt = time.GetUtcNow();
                if (result.Journal.Count == 0 || result.State.DefinitionKey != ProbeKey)
                {
                    Interlocked.Increment(ref extra); // a waiting instance's timer, or one fired twice: neither may happen
                    return;
                }
                lags.Enqueue((firedAt - timer.DueAt).TotalMilliseconds);
                Interlocked.Exchange(ref lastFiredTicks, firedAt.UtcTicks);
                if (lags.Count >= probes) allFired.TrySetResult();
            },
            OnError = (_, e) => errors.Enqueue(e),
        });
        using var stopPump = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var pumping = Task.Run(() => pump.RunAsync(stopPump.Token), ct);

        // Due instants: first after the estimated arming time (×1.5 + 2 s), then evenly over the spread.
        var lead = TimeSpan.FromSeconds(probes / Math.Max(startsPerSecond, 1) * 1.5 + 2);
        var first = time.GetUtcNow() + lead;
        var step = options.LagSpread / probes;
        var lateArmed = 0;
        var arming = Stopwatch.StartNew();
        await Bench.ForEachAsync(probes, options.Workers, async (i, token) =>
        {
            var due = first + step * i;
            await runtime.StartAsync(new StartInstance(ProbeKey, null, $"probe-{i:D6}",
                new JsonObject { ["dueAt"] = due.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) },
                null, "bench"), token);
            if (time.GetUtcNow() > due) Interlocked.Increment(ref lateArmed);
        }, ct);
        log.WriteLine($"  armed {probes:N0} probe timers in {arming.Elapsed.TotalSeconds:F1} s (first due {lead.TotalSeconds:F1} s after arming began)");

        var deadline = lead + options.LagSpread + TimeSpan.FromSeconds(120);
        try
        {
            await allFired.Task.WaitAsync(deadline, time, ct);
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"Only {lags.Count} of {probes} probe timers fired within {deadline.TotalSeconds:F0} s " +
                                                $"({errors.Count} errors{(errors.TryPeek(out var e) ? ": " + e.Message : "")}).");
        }
        finally
        {
            await stopPump.CancelAsync();
            await pumping;
        }
        if (!errors.IsEmpty) throw new AggregateException($"{errors.Count} probe timer(s) failed.", errors);

        // Offered: probes per second of spread. Achieved: probes fired from the first due instant to the last firing;
        // when it falls short of the offered rate the pump was saturated and the lag is mostly queueing.
        var firing = new DateTimeOffset(Interlocked.Read(ref lastFiredTicks), TimeSpan.Zero) - first;
        var sorted = lags.Order().ToList();
        return new LagResult(pending, seedSeconds, probes, sorted.Count, options.LagSpread.TotalSeconds, lead.TotalSeconds, lateArmed,
            Bench.Percentile(sorted, 50), Bench.Percentile(sorted, 90), Bench.Percentile(sorted, 99), sorted[^1], sorted.Average(), extra,
            probes / options.LagSpread.TotalSeconds, sorted.Count / firing.TotalSeconds);
    }
}
