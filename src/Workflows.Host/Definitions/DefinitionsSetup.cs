namespace Workflows.Host.Definitions;

public static class DefinitionsSetup
{
    public static IServiceCollection AddWorkflowDefinitions(this IServiceCollection services)
    {
        services.AddSingleton<WorkflowValidator>();
        services.AddSingleton<RunningInstanceCounts>();
        services.AddSingleton<IProtocolSettingsSource, ProtocolSettingsSource>();
        return services;
    }
}
