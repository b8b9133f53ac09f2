using Serilog;
using Serilog.Events;

namespace Workflows.Host.Logging;

/// <summary>
/// Serilog with the redaction enricher last in line. Request bodies are never logged: there is no HTTP
/// body logging anywhere in the host, and request logging records method, path, status and timing only.
/// </summary>
public static class LoggingSetup
{
    public static IServiceCollection AddWorkflowsLogging(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSerilog((provider, logger) =>
        {
            logger
                .MinimumLevel.Information()
                .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
                .MinimumLevel.Override("System.Net.Http.HttpClient", LogEventLevel.Warning)
                .ReadFrom.Configuration(configuration)
                .ReadFrom.Services(provider)
                .Destructure.With<JsonNodeDestructuringPolicy>()
                .Enrich.FromLogContext()
                .Enrich.With<RedactingEnricher>();
            if (!configuration.GetSection("Serilog:WriteTo").Exists())
                logger.WriteTo.Console(outputTemplate:
                    "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {CorrelationId}{NewLine}{Exception}");
        },
        // Each host keeps its own logger: no process-wide Log.Logger that a second host would replace.
        preserveStaticLogger: true);
        return services;
    }

    public static IApplicationBuilder UseWorkflowsRequestLogging(this IApplicationBuilder app)
    {
        app.UseMiddleware<CorrelationIdMiddleware>();
        return app.UseSerilogRequestLogging(o =>
        {
            // This host's logger (the static Log.Logger is left alone: see AddWorkflowsLogging).
            o.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
            o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0} ms";
            o.EnrichDiagnosticContext = (diagnostics, http) =>
            {
                if (http.User.Identity?.IsAuthenticated == true) diagnostics.Set("Caller", http.User.Identity.Name);
            };
            // Health probes every few seconds would drown the log.
            o.GetLevel = (http, _, ex) => ex is not null || http.Response.StatusCode >= 500 ? LogEventLevel.Error
                : http.Request.Path.StartsWithSegments("/health") ? LogEventLevel.Verbose : LogEventLevel.Information;
        });
    }
}
