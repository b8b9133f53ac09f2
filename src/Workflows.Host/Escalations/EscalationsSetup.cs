using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Workflows.Engine.Runtime;
using Workflows.Escalations;
using Workflows.Escalations.Escalating;
using Workflows.Escalations.Protocols;
using Workflows.Host.Storage;

namespace Workflows.Host.Escalations;

/// <summary>
/// The escalation domain in the host: the protocol catalogue (the shipped <c>workflows/</c> folder), the
/// runtime built with the domain's actions and timer functions, and the escalation service.
/// </summary>
/// <remarks>
/// Registered with TryAdd, before the bare engine, so the runtime always carries the domain's handlers.
/// (Replace with the domain's own <c>AddEscalations(configuration)</c> once it exists.)
/// </remarks>
public static partial class EscalationsSetup
{
    public static IServiceCollection AddEscalationDomain(this IServiceCollection services)
    {
        services.TryAddSingleton(sp =>
        {
            var folder = sp.GetRequiredService<IOptions<StorageStartupOptions>>().Value.SeedFolderPath;
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EscalationsSetup).FullName!);
            if (!Directory.Exists(folder))
            {
                LogNoFolder(logger, folder);
                return new ProtocolCatalogue([]);
            }
            // Once, at first use (start-up): a handful of small files.
            var catalogue = ProtocolCatalogue.LoadAsync(folder).GetAwaiter().GetResult();
            LogLoaded(logger, catalogue.Keys.Count, folder, string.Join(", ", catalogue.Keys));
            foreach (var problem in catalogue.Problems) LogProblem(logger, problem.ToString());
            return catalogue;
        });
        services.TryAddSingleton(sp => new WorkflowRuntime(sp.GetRequiredService<IDefinitionStore>(),
            sp.GetRequiredService<IInstanceStore>(), sp.GetRequiredService<TimeProvider>(),
            EscalationModule.RuntimeOptions(sp.GetRequiredService<ProtocolCatalogue>())));
        services.TryAddSingleton<EscalationViews>();
        services.TryAddSingleton<EscalationService>();
        return services;
    }

    [LoggerMessage(LogLevel.Warning, "No protocol folder at {Folder}: no protocols are known")]
    private static partial void LogNoFolder(ILogger logger, string folder);

    [LoggerMessage(LogLevel.Information, "Loaded {Count} protocol(s) from {Folder}: {Keys}")]
    private static partial void LogLoaded(ILogger logger, int count, string folder, string keys);

    [LoggerMessage(LogLevel.Warning, "Protocol problem: {Problem}")]
    private static partial void LogProblem(ILogger logger, string problem);
}
