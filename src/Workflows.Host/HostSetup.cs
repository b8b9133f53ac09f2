using Microsoft.Extensions.Options;
using Workflows.Engine.EntityFrameworkCore;
using Workflows.Host.Auth;
using Workflows.Host.Definitions;
using Workflows.Host.Designer;
using Workflows.Host.Engine;
using Workflows.Host.Escalations;
using Workflows.Host.Instances;
using Workflows.Host.Messages;
using Workflows.Host.Tasks;
using Workflows.Host.Health;
using Workflows.Host.Http;
using Workflows.Host.Logging;
using Workflows.Host.OpenApi;
using Workflows.Host.Outbox;
using Workflows.Host.Problems;
using Workflows.Host.Storage;

namespace Workflows.Host;

/// <summary>Everything Program.cs wires up, one line per feature.</summary>
public static class HostSetup
{
    public static WebApplicationBuilder AddWorkflowsHost(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddWorkflowsLogging(configuration);
        services.AddWorkflowsProblems();
        services.AddSingleton(TimeProvider.System);

        services.AddOptions<LimitsOptions>().BindConfiguration(LimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.WebHost.ConfigureKestrel(k =>
        {
            // The largest body any endpoint accepts; each endpoint narrows it (RequestBodyLimitMiddleware).
            var limits = configuration.GetSection(LimitsOptions.Section).Get<LimitsOptions>() ?? new LimitsOptions();
            k.Limits.MaxRequestBodySize = Math.Max(limits.JsonBodyBytes, limits.BpmnBodyBytes);
        });

        services.AddWorkflowsAuth();
        services.AddWorkflowsRateLimiting();
        services.AddWorkflowsOpenApi();

        services.AddWorkflowsStorage(configuration);
        services.AddWorkflowsHealth();
        services.AddStorageStartup();
        services.AddWorkflowDefinitions();
        services.AddEscalationDomain();
        services.AddWorkflowEngine();

        services.AddWorkflowsOutbox();
        return builder;
    }

    public static WebApplication UseWorkflowsHost(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseWorkflowsRequestLogging();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseMiddleware<RequestBodyLimitMiddleware>();

        app.MapWorkflowsHealth();
        app.MapWorkflowsOpenApi();
        app.MapDesigner();
        app.MapMeApi();
        app.MapWorkflowsApi();
        app.MapInstancesApi();
        app.MapTasksApi();
        app.MapMessagesApi();
        app.MapEscalationsApi();
        return app;
    }
}
