using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Workflows.Engine.Runtime;
using Workflows.Host.Timers;

namespace Workflows.Host.Engine;

/// <summary>The engine in the host: the runtime, the timer pump and its hosted service, and instance look-ups.</summary>
public static partial class EngineSetup
{
    public static IServiceCollection AddWorkflowEngine(this IServiceCollection services)
    {
        // The escalation domain registers the runtime with its actions and host functions; this is the
        // bare engine for when it doesn't.
        services.TryAddSingleton(sp => new WorkflowRuntime(sp.GetRequiredService<IDefinitionStore>(),
            sp.GetRequiredService<IInstanceStore>(), sp.GetRequiredService<TimeProvider>()));

        services.AddOptions<TimersOptions>().BindConfiguration(TimersOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<TimersOptions>>().Value;
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger<TimerPump>();
            return new TimerPump(sp.GetRequiredService<ITimerStore>(), sp.GetRequiredService<WorkflowRuntime>(),
                sp.GetRequiredService<TimeProvider>(), new TimerPumpOptions
                {
                    Owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}",
                    BatchSize = o.BatchSize,
                    Lease = o.Lease,
                    MaxIdle = o.MaxIdle,
                    OnFired = (timer, result) => LogFired(logger, timer.TimerId, timer.InstanceId, result.Journal.Count > 0),
                    OnError = (timer, ex) => LogFailed(logger, ex, timer?.TimerId, timer?.InstanceId),
                });
        });
        services.AddHostedService<TimerPumpService>();
        return services;
    }

    [LoggerMessage(LogLevel.Information, "Timer {TimerId} of instance {InstanceId} fired (changed anything: {Changed})")]
    private static partial void LogFired(ILogger logger, string timerId, string instanceId, bool changed);

    [LoggerMessage(LogLevel.Error, "Timer {TimerId} of instance {InstanceId} failed to fire; it stays due and is retried after its lease")]
    private static partial void LogFailed(ILogger logger, Exception exception, string? timerId, string? instanceId);
}
