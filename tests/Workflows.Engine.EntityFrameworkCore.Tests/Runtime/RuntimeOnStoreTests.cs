using Microsoft.Extensions.Time.Testing;
using Workflows.Engine.EntityFrameworkCore.Tests.Infrastructure;
using Workflows.Engine.Execution;
using Workflows.Engine.Runtime;
using static Workflows.Engine.EntityFrameworkCore.Tests.Infrastructure.Instances;

namespace Workflows.Engine.EntityFrameworkCore.Tests.Runtime;

/// <summary>The engine's runtime and timer pump over the EF stores: what they commit reads back, replays and verifies.</summary>
public sealed class RuntimeOnStoreTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.PostgreSql)]
    public async Task A_correlated_reply_completes_the_instance_and_withdraws_its_timer(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.MigrateAsync();
        await using var host = database.NewServices();
        var time = new FakeTimeProvider(T0.AddTicks(1234567)); // sub-microsecond: the journal must keep it exactly
        var engine = new EngineHost(host, time);
        await engine.PublishAsync("reply-or-chase", "Runtime/reply-or-chase.bpmn", T0);

        var started = await engine.Runtime.StartAsync(new StartInstance("reply-or-chase", null, "case-1", [], "req-1", "iro"));
        Assert.Equal([started.InstanceId], await engine.Instances.FindWaitingForMessageAsync("reply", "case-1", default));
        // Exact on SQLite; on PostgreSQL (microseconds) rounded up, so never early.
        var due = T0.AddTicks(1234567).AddHours(48);
        Assert.InRange((await engine.Timers.NextDueAsync(default))!.Value, due, due.AddTicks(TimeSpan.TicksPerMicrosecond - 1));
        // A retried start with the same idempotency key returns the first instance.
        Assert.Equal(started.InstanceId,
            (await engine.Runtime.StartAsync(new StartInstance("reply-or-chase", null, "case-1", [], "req-1", "iro"))).InstanceId);

        time.Advance(TimeSpan.FromHours(3));
        var replied = Assert.Single(await engine.Runtime.CorrelateMessageAsync(new CorrelateMessage("reply", "case-1", null, "social-worker")));

        Assert.Equal(InstanceStatus.Completed, replied.State.Status);
        Assert.Empty(await engine.Instances.FindWaitingForMessageAsync("reply", "case-1", default));
        Assert.Null(await engine.Timers.NextDueAsync(default));
        Assert.True((await engine.Runtime.VerifyAsync(started.InstanceId)).IsValid);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.PostgreSql)]
    public async Task The_pump_fires_a_due_timer_once_and_the_journal_verifies(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.MigrateAsync();
        await using var host = database.NewServices();
        var time = new FakeTimeProvider(T0);
        var results = new List<CommandResult>();
        var engine = new EngineHost(host, time, new TimerPumpOptions { Owner = "pump", Lease = Lease, OnFired = (_, r) => results.Add(r) });
        await engine.PublishAsync("reply-or-chase", "Runtime/reply-or-chase.bpmn", T0);
        var started = await engine.Runtime.StartAsync(new StartInstance("reply-or-chase", null, "case-2", [], null, "iro"));

        Assert.Equal(0, await engine.Pump.RunOnceAsync(time.GetUtcNow()));
        time.Advance(TimeSpan.FromHours(48));
        Assert.Equal(1, await engine.Pump.RunOnceAsync(time.GetUtcNow()));
        // Claimed again after the lease (as if the first pump had died mid-fire): nothing left to claim.
        Assert.Equal(0, await engine.Pump.RunOnceAsync(time.GetUtcNow() + Lease));

        var fired = Assert.Single(results);
        Assert.Equal(InstanceStatus.Completed, fired.State.Status);
        Assert.Contains(fired.Journal, e => e.EventType == "TimerFired");
        Assert.Empty(await engine.Instances.FindWaitingForMessageAsync("reply", "case-2", default));
        Assert.True((await engine.Runtime.VerifyAsync(started.InstanceId)).IsValid);
    }
}
