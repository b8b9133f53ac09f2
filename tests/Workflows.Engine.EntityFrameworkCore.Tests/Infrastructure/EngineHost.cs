using Microsoft.Extensions.DependencyInjection;
using Workflows.Engine.Runtime;

namespace Workflows.Engine.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>The real engine over one host's stores: a runtime and a timer pump, on a shared clock.</summary>
public sealed class EngineHost
{
    public EngineHost(IServiceProvider host, TimeProvider time, TimerPumpOptions? pump = null)
    {
        Instances = host.GetRequiredService<IInstanceStore>();
        Timers = host.GetRequiredService<ITimerStore>();
        Definitions = host.GetRequiredService<IDefinitionStore>();
        Runtime = new WorkflowRuntime(Definitions, Instances, time);
        Pump = new TimerPump(Timers, Runtime, time, pump);
    }

    public IInstanceStore Instances { get; }
    public ITimerStore Timers { get; }
    public IDefinitionStore Definitions { get; }
    public WorkflowRuntime Runtime { get; }
    public TimerPump Pump { get; }

    /// <summary>Publishes a BPMN fixture copied beside the tests (folder/name.bpmn) under <paramref name="key"/>.</summary>
    public Task<DefinitionRecord> PublishAsync(string key, string fixture, DateTimeOffset at) =>
        Definitions.PublishAsync(key, key, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, fixture)), at, CancellationToken.None);

    /// <summary>
    /// Runs pump rounds at the fixed instant <paramref name="now"/> until nothing is due: no timer left, or the
    /// next one is beyond <paramref name="lease"/> from now. Anything sooner is another pump's lease on a due
    /// timer, which either fires (the row goes) or expires (this pump takes it over), so keep looking.
    /// </summary>
    public async Task PumpUntilNoneDueAsync(DateTimeOffset now, TimeSpan lease, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        while (true)
        {
            if (await Pump.RunOnceAsync(now, timeout.Token) > 0) continue;
            if (await Timers.NextDueAsync(timeout.Token) is not { } next || next > now + lease) return;
            await Task.Delay(5, timeout.Token);
        }
    }
}
