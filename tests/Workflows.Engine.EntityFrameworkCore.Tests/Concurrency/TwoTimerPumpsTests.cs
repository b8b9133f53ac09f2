using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Workflows.Engine.EntityFrameworkCore.Tests.Infrastructure;
using Workflows.Engine.Execution;
using Workflows.Engine.Runtime;
using Xunit.Abstractions;
using static Workflows.Engine.EntityFrameworkCore.Tests.Infrastructure.Instances;

namespace Workflows.Engine.EntityFrameworkCore.Tests.Concurrency;

/// <summary>
/// ADR 0003 on a real database: two hosts' pumps share one timers table and every due timer fires exactly
/// once. Each "host" is a separate service provider (its own context pool and connections); firing is a
/// commit with <see cref="InstanceCommit.FiredTimerId"/>, as the runtime does it.
/// </summary>
public sealed class TwoTimerPumpsTests(PostgreSqlDatabaseFixture fixture, ITestOutputHelper output)
    : IClassFixture<PostgreSqlDatabaseFixture>
{
    private static readonly DateTimeOffset Now = T0;

    /// <summary>
    /// The real thing: <see cref="WorkflowRuntime"/> starts 10,000 instances of start → timer (PT1H) → end, then
    /// two <see cref="TimerPump"/>s, each over its own host's stores, fire them all at once.
    /// </summary>
    [Fact]
    public async Task Two_pumps_on_one_PostgreSql_database_fire_10000_due_timers_none_lost_none_doubled()
    {
        const int count = 10_000;
        var lease = TimeSpan.FromMinutes(5);
        var database = fixture.Database;
        await database.ResetAsync();
        var time = new FakeTimeProvider(Now);
        var fired = new ConcurrentDictionary<string, int>();
        var errors = new ConcurrentQueue<Exception>();
        var firedBy = new ConcurrentDictionary<string, int>();
        int alreadyFired = 0;
        TimerPumpOptions Pump(string owner) => new()
        {
            Owner = owner, Lease = lease, BatchSize = 50,
            OnFired = (timer, result) =>
            {
                if (result.Journal.Count > 0)
                {
                    fired.AddOrUpdate($"{timer.InstanceId}/{timer.TimerId}", 1, (_, n) => n + 1);
                    firedBy.AddOrUpdate(owner, 1, (_, n) => n + 1);
                }
                else Interlocked.Increment(ref alreadyFired);
            },
            OnError = (_, e) => errors.Enqueue(e),
        };
        await using var hostA = database.NewServices();
        await using var hostB = database.NewServices();
        var a = new EngineHost(hostA, time, Pump("host-a"));
        var b = new EngineHost(hostB, time, Pump("host-b"));
        await a.PublishAsync("timer-then-end", "Runtime/timer-then-end.bpmn", Now);

        var seeding = Stopwatch.StartNew();
        var started = new ConcurrentBag<string>();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
                started.Add((await a.Runtime.StartAsync(new StartInstance("timer-then-end", null, $"case-{i}", [], null, "test"))).InstanceId);
        })));
        seeding.Stop();

        time.Advance(TimeSpan.FromHours(2));
        var firing = Stopwatch.StartNew();
        await Task.WhenAll(
            Task.Run(() => a.PumpUntilNoneDueAsync(time.GetUtcNow(), lease, TimeSpan.FromMinutes(8))),
            Task.Run(() => b.PumpUntilNoneDueAsync(time.GetUtcNow(), lease, TimeSpan.FromMinutes(8))));
        firing.Stop();

        output.WriteLine($"started {count} instances (start → PT1H timer → end) through WorkflowRuntime in {seeding.Elapsed.TotalSeconds:F1} s");
        output.WriteLine($"two TimerPumps fired {fired.Values.Sum()} timers in {firing.Elapsed.TotalSeconds:F1} s " +
            $"({fired.Values.Sum() / firing.Elapsed.TotalSeconds:F0}/s); doubled: {fired.Values.Count(n => n > 1)}; " +
            $"claimed but already fired: {alreadyFired}; errors: {errors.Count}");
        output.WriteLine(string.Join(", ", firedBy.OrderBy(p => p.Key).Select(p => $"{p.Key} fired {p.Value}")));
        Assert.Empty(errors);
        Assert.Equal(count, started.Distinct().Count());
        Assert.Equal(count, fired.Count);
        Assert.All(fired.Values, n => Assert.Equal(1, n));
        Assert.Equal(0, alreadyFired); // leases kept the pumps apart
        Assert.True(firedBy.Count == 2, "Only one pump fired anything: the pumps did not run concurrently.");
        await using var db = await hostA.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync();
        Assert.Equal(0, await db.Timers.CountAsync());
        Assert.Equal(count, await db.Instances.CountAsync(i => i.Status == InstanceStatus.Completed && i.Version == 2));
        // Every instance's journal still verifies and replays to its stored state (a sample: each check is two queries).
        foreach (var id in started.Order(StringComparer.Ordinal).Take(200))
            Assert.True((await a.Runtime.VerifyAsync(id)).IsValid, id);
    }

    [Theory]
    [InlineData(StorageProvider.PostgreSql)]
    [InlineData(StorageProvider.Sqlite)]
    public async Task Pumps_racing_for_the_same_timers_without_leases_still_fire_each_once(StorageProvider provider)
    {
        const int count = 500;
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.MigrateAsync();
        await SeedAsync(database, count);

        // A zero lease lets both pumps claim the same rows at once: only the store's checks (version, and the
        // fired timer's row going exactly once) stand between them and a double firing.
        var fired = new ConcurrentDictionary<string, int>();
        await using var hostA = database.NewServices();
        await using var hostB = database.NewServices();
        // Task.Run: Microsoft.Data.Sqlite completes "async" calls synchronously, so without it pump A would finish
        // before pump B began.
        var results = await Task.WhenAll(
            Task.Run(() => PumpAsync(hostA, "host-a", TimeSpan.Zero, fired)),
            Task.Run(() => PumpAsync(hostB, "host-b", TimeSpan.Zero, fired)));
        foreach (var r in results) output.WriteLine($"{provider}: {r}");
        Assert.All(results, r => Assert.True(r.Fired > 0, $"{r.Owner} fired nothing: the pumps did not race."));

        Assert.Equal(count, fired.Count);
        Assert.All(fired.Values, n => Assert.Equal(1, n));
        await AssertAllFiredOnceInTheDatabaseAsync(database, count);
    }

    /// <summary>Instances created through CommitAsync, each with one timer already due (spread over the last hour).</summary>
    private static async Task SeedAsync(TestDatabase database, int count)
    {
        await using var services = database.NewServices();
        var store = services.GetRequiredService<IInstanceStore>();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
                await store.CommitAsync(Started(State($"i-{i:D5}"), Timer("t1", Now.AddSeconds(-(i % 3600)))), CancellationToken.None);
        })));
    }

    private sealed record PumpResult(string Owner, int Claims, int Fired, int Conflicts, int AlreadyGone)
    {
        public override string ToString() =>
            $"{Owner}: {Claims} claims, {Fired} fired, {Conflicts} conflicts, {AlreadyGone} claimed but already fired";
    }

    /// <summary>What a pump does: claim a batch, fire each by loading the instance and committing the fire; stop when no timer is left.</summary>
    private static async Task<PumpResult> PumpAsync(IServiceProvider host, string owner, TimeSpan lease,
        ConcurrentDictionary<string, int> fired)
    {
        var timers = host.GetRequiredService<ITimerStore>();
        var instances = host.GetRequiredService<IInstanceStore>();
        int claims = 0, firedHere = 0, conflicts = 0, gone = 0;
        var ct = CancellationToken.None;
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(5))
        {
            var due = await timers.ClaimDueAsync(Now, 50, owner, lease, ct);
            claims++;
            if (due.Count == 0)
            {
                if (await timers.NextDueAsync(ct) is null) break;
                await Task.Delay(5, ct);
                continue;
            }
            foreach (var timer in due)
            {
                var stored = await instances.LoadAsync(timer.InstanceId, ct);
                if (stored is null || !stored.State.Timers.ContainsKey(timer.TimerId))
                {
                    gone++;
                    continue;
                }
                var state = stored.State;
                state.Timers.Remove(timer.TimerId);
                state.Status = InstanceStatus.Completed;
                state.EndedAt = Now;
                var commit = new InstanceCommit(state, stored.Version, Append(state, Now, "TimerFired", "InstanceCompleted"),
                    [], [], [], FiredTimerId: timer.TimerId);
                try
                {
                    await instances.CommitAsync(commit, ct);
                    fired.AddOrUpdate($"{timer.InstanceId}/{timer.TimerId}", 1, (_, n) => n + 1);
                    firedHere++;
                }
                catch (ConcurrencyConflictException)
                {
                    conflicts++;
                }
            }
        }
        return new PumpResult(owner, claims, firedHere, conflicts, gone);
    }

    private static async Task AssertAllFiredOnceInTheDatabaseAsync(TestDatabase database, int count)
    {
        await using var services = database.NewServices();
        await using var db = await services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync();
        Assert.Equal(0, await db.Timers.CountAsync());
        Assert.Equal(count, await db.Instances.CountAsync(i => i.Version == 2 && i.Status == InstanceStatus.Completed));
        Assert.Equal(3 * count, await db.Journal.CountAsync());
    }
}
