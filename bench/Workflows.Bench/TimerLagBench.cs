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
/// Timer lag in real time. With <see cref="BenchOptions.PendingTimers"/> far-future timers in the table, one real
/// <see cref="TimerPump.RunAsync"/> runs on <see cref="TimeProvider.System"/> with the host's default options. In each
/// stage (one per rate in <see cref="BenchOptions.LagRates"/>), probe instances arm timers due at instants spread
/// evenly over <see cref="BenchOptions.LagSpread"/> at that many per second; for each probe, lag = the instant its
/// firing committed − its stored due instant. A low rate shows the pump's latency; a high one what a burst does.
/// </summary>
public static class TimerLagBench
{
    public const string ProbeKey = "lag-probe";

    /// <param name="startsPerSecond">The drive's start rate: a stage's first due instant is set after the time arming
    /// its probes should take, so that they fire on an otherwise idle host.</param>
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

        Stage? current = null;
        var errors = new ConcurrentQueue<Exception>();
        var extra = 0;
        using var pump = new TimerPump(services.GetRequiredService<ITimerStore>(), runtime, time, new TimerPumpOptions
        {
            Owner = "bench-lag",
            OnFired = (timer, result) =>
            {
                var firedAt = time.GetUtcNow();
                if (result.Journal.Count == 0 || result.State.DefinitionKey != ProbeKey || Volatile.Read(ref current) is not { } stage)
                {
                    Interlocked.Increment(ref extra); // a waiting instance's timer, or one fired twice: neither may happen
                    return;
                }
                stage.Fired(firedAt, timer.DueAt);
            },
            OnError = (_, e) => errors.Enqueue(e),
        });
        using var stopPump = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var pumping = Task.Run(() => pump.RunAsync(stopPump.Token), ct);

        var stages = new List<LagStage>();
        try
        {
            foreach (var rate in options.LagRates)
            {
                var stage = new Stage(rate, (int)Math.Round(rate * options.LagSpread.TotalSeconds));
                Volatile.Write(ref current, stage);
                stages.Add(await RunStageAsync(runtime, stage, options, startsPerSecond, errors, log, ct));
            }
        }
        finally
        {
            await stopPump.CancelAsync();
            await pumping;
        }
        if (!errors.IsEmpty) throw new AggregateException($"{errors.Count} probe timer(s) failed.", errors);
        if (extra > 0) throw new InvalidOperationException($"The pump fired {extra} timer(s) that were not due probes.");
        return new LagResult(pending, seedSeconds, stages, extra);
    }

    private static async Task<LagStage> RunStageAsync(WorkflowRuntime runtime, Stage stage, BenchOptions options, double startsPerSecond,
        ConcurrentQueue<Exception> errors, TextWriter log, CancellationToken ct)
    {
        var time = TimeProvider.System;
        var probes = stage.Probes;
        // Due instants: the first after the estimated arming time (×1.5 + 2 s), then evenly over the spread.
        var lead = TimeSpan.FromSeconds(probes / Math.Max(startsPerSecond, 1) * 1.5 + 2);
        var first = time.GetUtcNow() + lead;
        var step = options.LagSpread / probes;
        var lateArmed = 0;
        var arming = Stopwatch.StartNew();
        await Bench.ForEachAsync(probes, options.Workers, async (i, token) =>
        {
            var due = first + step * i;
            await runtime.StartAsync(new StartInstance(ProbeKey, null, $"probe-{stage.Rate}-{i:D6}",
                new JsonObject { ["dueAt"] = due.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) },
                null, "bench"), token);
            if (time.GetUtcNow() > due) Interlocked.Increment(ref lateArmed);
        }, ct);
        log.WriteLine($"  {stage.Rate}/s: armed {probes:N0} probe timers in {arming.Elapsed.TotalSeconds:F1} s " +
                      $"(first due {lead.TotalSeconds:F1} s after arming began)");

        var deadline = lead + options.LagSpread + TimeSpan.FromSeconds(120);
        try
        {
            await stage.AllFired.WaitAsync(deadline, time, ct);
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"Only {stage.Count} of {probes} probe timers fired within {deadline.TotalSeconds:F0} s " +
                                                $"({errors.Count} errors{(errors.TryPeek(out var e) ? ": " + e.Message : "")}).");
        }

        // Achieved rate: probes fired from the first due instant to the last firing. Short of the offered rate, the
        // pump could not keep up and the lag is mostly queueing.
        var sorted = stage.Lags.Order().ToList();
        var firing = stage.LastFiredAt - first;
        var result = new LagStage(stage.Rate, probes, sorted.Count, options.LagSpread.TotalSeconds, lead.TotalSeconds, lateArmed,
            Bench.Percentile(sorted, 50), Bench.Percentile(sorted, 90), Bench.Percentile(sorted, 99), sorted[^1], sorted.Average(),
            sorted.Count / firing.TotalSeconds);
        log.WriteLine($"  {stage.Rate}/s: lag p50 {result.P50Ms:F1} ms, p99 {result.P99Ms:F1} ms; fired {result.FiredPerSecond:N0}/s");
        return result;
    }

    /// <summary>One rate's probes: their lags, as the pump fires them.</summary>
    private sealed class Stage(int rate, int probes)
    {
        private readonly TaskCompletionSource allFired = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long lastFiredTicks;

        public int Rate => rate;
        public int Probes => probes;
        public ConcurrentQueue<double> Lags { get; } = new();
        public int Count => Lags.Count;
        public Task AllFired => allFired.Task;
        public DateTimeOffset LastFiredAt => new(Interlocked.Read(ref lastFiredTicks), TimeSpan.Zero);

        public void Fired(DateTimeOffset firedAt, DateTimeOffset dueAt)
        {
            Lags.Enqueue((firedAt - dueAt).TotalMilliseconds);
            Interlocked.Exchange(ref lastFiredTicks, firedAt.UtcTicks);
            if (Lags.Count >= probes) allFired.TrySetResult();
        }
    }
}
