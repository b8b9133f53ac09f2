using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;

namespace Workflows.Host.Problems;

/// <summary>RFC 7807 problem details for every error, and strict JSON in (unknown fields rejected).</summary>
public static class ProblemSetup
{
    public static IServiceCollection AddWorkflowsProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            if (context.HttpContext.Items[Logging.CorrelationIdMiddleware.ItemKey] is string correlationId)
                context.ProblemDetails.Extensions["correlationId"] = correlationId;
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();

        // A bad body throws (BadHttpRequestException) instead of a bare 400, so the handler can say which field.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o => ConfigureJson(o.SerializerOptions));
        return services;
    }

    public static void ConfigureJson(JsonSerializerOptions json)
    {
        json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        json.RespectNullableAnnotations = true;
        // A case system sending a field twice is confused or probing; neither should be guessed at.
        json.AllowDuplicateProperties = false;
        json.RespectRequiredConstructorParameters = true;
        json.NumberHandling = JsonNumberHandling.Strict;
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
    }
}
