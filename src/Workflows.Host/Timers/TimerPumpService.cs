using Microsoft.Extensions.Options;
using Workflows.Engine.Runtime;

namespace Workflows.Host.Timers;

/// <summary>
/// Runs the engine's <see cref="TimerPump"/> for the life of the host: it sleeps until the next due
/// instant (waking early when this host commits a sooner timer) and fires each due timer exactly once,
/// even with several hosts on one database.
/// </summary>
public sealed partial class TimerPumpService(TimerPump pump, IOptions<TimersOptions> options, ILogger<TimerPumpService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            LogDisabled(logger);
            return;
        }
        LogStarted(logger, options.Value.MaxIdle);
        // Let start-up (migrations, seeding) finish before the first look at the timer table.
        await Task.Yield();
        await pump.RunAsync(stoppingToken);
    }

    [LoggerMessage(LogLevel.Warning, "Timers:Enabled is false: this host fires no timers")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(LogLevel.Information, "Timer pump started (longest idle {MaxIdle})")]
    private static partial void LogStarted(ILogger logger, TimeSpan maxIdle);
}
