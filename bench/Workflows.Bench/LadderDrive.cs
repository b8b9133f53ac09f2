using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Engine.EntityFrameworkCore;
using Workflows.Engine.Execution;
using Workflows.Engine.Runtime;

namespace Workflows.Bench;

/// <summary>
/// Drives ladder instances start to end through <see cref="WorkflowRuntime"/>: start; a <c>response</c> on rung 1;
/// the rung-2 timer; a response on rung 3; the rung-4 timer; a response on rung 5, which ends the instance. Six
/// commands per instance, each step for every instance before the next (<see cref="BenchOptions.Workers"/> commands
/// in flight). Timers fire through <see cref="TimerPump.RunOnceAsync"/> — one pump per worker, each with its own
/// lease owner, as that many hosts would — after the clock jumps a day ahead.
/// </summary>
public sealed class LadderDrive
{
    public const string Key = "ladder";

    private readonly IServiceProvider services;
    private readonly int workers;
    private readonly OffsetClock clock = new(TimeProvider.System);
    private readonly WorkflowRuntime runtime;
    private readonly ITimerStore timers;
    private readonly TimedInstanceStore store;

    public LadderDrive(IServiceProvider services, int workers)
    {
        this.services = services;
        this.workers = workers;
        timers = services.GetRequiredService<ITimerStore>();
        store = new TimedInstanceStore(services.GetRequiredService<IInstanceStore>());
        runtime = new WorkflowRuntime(services.GetRequiredService<IDefinitionStore>(), store, clock);
    }

    public WorkflowRuntime Runtime => runtime;

    /// <summary>Drives <paramref name="count"/> instances whose correlation keys start with <paramref name="prefix"/>.</summary>
    public async Task<IReadOnlyList<PhaseResult>> RunAsync(string prefix, int count, CancellationToken ct)
    {
        string CaseKey(int i) => $"{prefix}-{i:D6}";
        var phases = new List<PhaseResult>
        {
            await CommandsAsync("start", count, async (i, token) =>
                (await runtime.StartAsync(new StartInstance(Key, null, CaseKey(i), new JsonObject { ["case"] = i }, null, "bench"), token))
                .Journal.Count, ct),
            await RespondAsync("response, rung 1", count, CaseKey, ct),
            await FireTimersAsync("timer, rung 2", count, ct),
            await RespondAsync("response, rung 3", count, CaseKey, ct),
            await FireTimersAsync("timer, rung 4", count, ct),
            await RespondAsync("response, rung 5", count, CaseKey, ct),
        };

        // Every instance must have ended, with no timer or subscription left behind.
        await using var db = await services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync(ct);
        var running = await db.Instances.CountAsync(i => i.CorrelationKey!.StartsWith(prefix + "-") && i.Status != InstanceStatus.Completed, ct);
        var leftTimers = await db.Timers.CountAsync(ct);
        if (running != 0 || leftTimers != 0)
            throw new InvalidOperationException($"After the drive, {running} '{prefix}' instance(s) had not completed and {leftTimers} timer(s) were left.");
        return phases;
    }

    /// <summary>Replays and checks the journals of a sample of driven instances against their stored state.</summary>
    public async Task VerifySampleAsync(string prefix, int sample, CancellationToken ct)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync(ct);
        var ids = await db.Instances.Where(i => i.CorrelationKey!.StartsWith(prefix + "-"))
            .OrderBy(i => i.Id).Select(i => i.Id).Take(sample).ToListAsync(ct);
        foreach (var id in ids)
        {
            var result = await runtime.VerifyAsync(id, ct);
            if (!result.IsValid) throw new InvalidOperationException($"Instance {id} does not verify: {result}");
        }
    }

    private Task<PhaseResult> RespondAsync(string name, int count, Func<int, string> caseKey, CancellationToken ct) =>
        CommandsAsync(name, count, async (i, token) =>
        {
            var results = await runtime.CorrelateMessageAsync(
                new CorrelateMessage("response", caseKey(i), new JsonObject { ["response"] = "accepted" }, "bench"), token);
            if (results.Count != 1)
                throw new InvalidOperationException($"'response' for {caseKey(i)} reached {results.Count} instances, not 1.");
            return results[0].Journal.Count;
        }, ct);

    private async Task<PhaseResult> CommandsAsync(string name, int count, Func<int, CancellationToken, Task<int>> command,
        CancellationToken ct)
    {
        long rows = 0;
        var before = store.Snapshot();
        var sw = Stopwatch.StartNew();
        await Bench.ForEachAsync(count, workers, async (i, token) => Interlocked.Add(ref rows, await command(i, token)), ct);
        return new PhaseResult(name, count, rows, sw.Elapsed.TotalSeconds, store.Snapshot() - before);
    }

    /// <summary>Jumps a day and an hour ahead, then pumps until every due timer has fired; exactly <paramref name="expected"/> must.</summary>
    private async Task<PhaseResult> FireTimersAsync(string name, int expected, CancellationToken ct)
    {
        clock.Advance(TimeSpan.FromHours(25));
        int fired = 0, alreadyFired = 0;
        long rows = 0;
        var errors = new ConcurrentQueue<Exception>();
        var pumps = Enumerable.Range(1, workers).Select(k => new TimerPump(timers, runtime, clock, new TimerPumpOptions
        {
            Owner = $"bench-pump-{k}",
            OnFired = (_, result) =>
            {
                if (result.Journal.Count == 0)
                {
                    Interlocked.Increment(ref alreadyFired);
                    return;
                }
                Interlocked.Increment(ref fired);
                Interlocked.Add(ref rows, result.Journal.Count);
            },
            OnError = (_, e) => errors.Enqueue(e),
        })).ToList();
        var before = store.Snapshot();
        var sw = Stopwatch.StartNew();
        try
        {
            // Each pump claims a batch of due timers (under its lease) and fires them one by one, until none is left
            // for it; the others finish the batches they hold.
            await Task.WhenAll(pumps.Select(pump => Task.Run(async () =>
            {
                while (await pump.RunOnceAsync(clock.GetUtcNow(), ct) > 0)
                {
                }
            }, ct)));
        }
        finally
        {
            foreach (var pump in pumps) pump.Dispose();
        }
        var elapsed = sw.Elapsed.TotalSeconds;
        if (!errors.IsEmpty) throw new AggregateException($"{name}: {errors.Count} timer(s) failed.", errors);
        if (fired != expected || alreadyFired != 0)
            throw new InvalidOperationException($"{name}: {fired} timers fired ({alreadyFired} claimed but already fired), expected {expected}.");
        return new PhaseResult(name, fired, rows, elapsed, store.Snapshot() - before);
    }
}
