using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Workflows.Engine.EntityFrameworkCore;

namespace Workflows.Host.Health;

/// <summary>
/// <c>/health/live</c>: the process answers (no dependencies, so a database outage doesn't restart every
/// host). <c>/health/ready</c>: the database answers too (EF Core's DbContext check). Both anonymous.
/// </summary>
public static class HealthSetup
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddWorkflowsHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddDbContextCheck<WorkflowsDbContext>("database", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapWorkflowsHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = Write })
            .AllowAnonymous().DisableRateLimiting().WithTags("Health");
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
            {
                Predicate = check => check.Tags.Contains(ReadyTag),
                ResponseWriter = Write,
            })
            .AllowAnonymous().DisableRateLimiting().WithTags("Health");
        return app;
    }

    /// <summary>Status per check, no exception text (it may carry a connection string).</summary>
    private static Task Write(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        }));
    }
}
