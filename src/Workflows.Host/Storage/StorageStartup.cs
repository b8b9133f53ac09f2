using Microsoft.Extensions.Options;
using Workflows.Engine.EntityFrameworkCore;
using Workflows.Engine.Runtime;
using Workflows.Escalations.Protocols;
using Workflows.Host.Definitions;

namespace Workflows.Host.Storage;

/// <summary>
/// Runs before the timer pump and the outbox dispatcher start: migrates the database (when
/// <c>Storage:MigrateOnStartup</c>), then publishes version 1 of each shipped protocol that the database
/// doesn't have yet — all of them on a fresh database, so a new machine runs the protocols with no set-up.
/// A protocol that doesn't validate is not published (the log says why).
/// </summary>
public sealed partial class StorageStartup(IServiceProvider services, IDefinitionStore definitions,
    ProtocolCatalogue catalogue, WorkflowValidator validator, IOptions<StorageStartupOptions> options, TimeProvider time,
    ILogger<StorageStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        if (options.Value.MigrateOnStartup) await WorkflowsDatabase.MigrateAsync(services, ct);
        else LogMigrationSkipped(logger);
        if (options.Value.SeedProtocols) await SeedAsync(ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    private async Task SeedAsync(CancellationToken ct)
    {
        var stored = (await definitions.ListAsync(ct)).Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
        var missing = catalogue.Protocols.Where(p => !stored.Contains(p.Key)).ToList();
        if (missing.Count == 0) return;
        LogSeeding(logger, missing.Count, stored.Count == 0 ? "empty database" : "new protocols shipped");
        foreach (var protocol in missing)
        {
            var errors = validator.Validate(protocol.Key, protocol.BpmnXml);
            if (errors.Count > 0)
            {
                LogSeedInvalid(logger, protocol.Key, string.Join("; ", errors.Take(5)));
                continue;
            }
            try
            {
                var record = await definitions.PublishAsync(protocol.Key, protocol.Settings.Name, protocol.BpmnXml, time.GetUtcNow(), ct);
                LogSeeded(logger, protocol.Key, record.Version, record.ContentHash);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Another host starting at the same moment may have published it first.
                LogSeedFailed(logger, ex, protocol.Key);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Storage:MigrateOnStartup is false: the database schema is not migrated by this host")]
    private static partial void LogMigrationSkipped(ILogger logger);

    [LoggerMessage(LogLevel.Information, "Seeding version 1 of {Count} shipped protocol(s) ({Reason})")]
    private static partial void LogSeeding(ILogger logger, int count, string reason);

    [LoggerMessage(LogLevel.Information, "Seeded protocol {Key} as version {Version} ({ContentHash})")]
    private static partial void LogSeeded(ILogger logger, string key, int version, string contentHash);

    [LoggerMessage(LogLevel.Error, "Protocol {Key} was not seeded: it does not validate: {Errors}")]
    private static partial void LogSeedInvalid(ILogger logger, string key, string errors);

    [LoggerMessage(LogLevel.Warning, "Protocol {Key} was not seeded")]
    private static partial void LogSeedFailed(ILogger logger, Exception exception, string key);
}

public static class StorageStartupSetup
{
    public static IServiceCollection AddStorageStartup(this IServiceCollection services)
    {
        services.AddOptions<StorageStartupOptions>().BindConfiguration(StorageStartupOptions.Section);
        services.AddHostedService<StorageStartup>();
        return services;
    }
}
