using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Workflows.Engine.Runtime;

namespace Workflows.Host.Problems;

/// <summary>
/// Maps exceptions to problem details. A client's mistake is a 4xx naming what was wrong; only a
/// fault of ours is a 500, and that one says nothing about the code (no stack trace, no type names).
/// </summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var problem = ToProblem(exception);
        if (problem is null)
        {
            LogUnhandled(logger, exception, context.Request.Method, context.Request.Path);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "An unexpected error occurred.",
                Detail = "The request could not be completed. Quote the correlation id when reporting it.",
            };
        }
        context.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>The problem for a client mistake, or null for a fault of ours.</summary>
    public static ProblemDetails? ToProblem(Exception exception) => exception switch
    {
        BadHttpRequestException { InnerException: JsonException json } bad => Invalid(bad.StatusCode, json),
        BadHttpRequestException bad => new ProblemDetails
        {
            Status = bad.StatusCode,
            Title = bad.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
                StatusCodes.Status415UnsupportedMediaType => "Unsupported content type.",
                _ => "The request is malformed.",
            },
            Detail = Sanitize(bad.Message),
        },
        JsonException json => Invalid(StatusCodes.Status400BadRequest, json),
        ConcurrencyConflictException => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "Someone else changed this at the same moment.",
            Detail = "Read it again and retry if the change still makes sense.",
        },
        _ => DomainProblems.ToProblem(exception),
    };

    private static ValidationProblemDetails Invalid(int status, JsonException json) =>
        new(JsonErrorDescriber.Describe(json))
        {
            Status = status == StatusCodes.Status413PayloadTooLarge ? status : StatusCodes.Status400BadRequest,
            Title = "The request body is not valid JSON for this endpoint.",
        };

    /// <summary>Kestrel and minimal-API messages quote parameter types; keep the sentence, drop the type.</summary>
    private static string Sanitize(string message)
    {
        var cut = message.IndexOf(" from the request body", StringComparison.Ordinal);
        return message.StartsWith("Failed to read parameter", StringComparison.Ordinal) && cut > 0
            ? "Failed to read the request body."
            : message.StartsWith("Required parameter", StringComparison.Ordinal) ? "A required value is missing." : message;
    }

    [LoggerMessage(LogLevel.Error, "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
