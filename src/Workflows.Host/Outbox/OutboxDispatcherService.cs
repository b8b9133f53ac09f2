using Microsoft.Extensions.Options;

namespace Workflows.Host.Outbox;

/// <summary>Runs <see cref="OutboxDispatcher"/>: straight on while rows keep coming, else every poll interval.</summary>
public sealed partial class OutboxDispatcherService(OutboxDispatcher dispatcher, IOptionsMonitor<OutboxOptions> options,
    TimeProvider time, ILogger<OutboxDispatcherService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.CurrentValue.Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await dispatcher.DispatchOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be restarting: back off and try again, never stop the loop.
                LogLoopFailed(logger, ex);
            }
            if (claimed >= options.CurrentValue.BatchSize) continue;
            try
            {
                await Task.Delay(options.CurrentValue.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(LogLevel.Error, "The outbox dispatcher loop failed; retrying after the poll interval")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);
}
