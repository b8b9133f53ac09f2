using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Workflows.Host.Http;

/// <summary>
/// A fixed window per caller: per API key for case systems, per person for bearer tokens, per IP address
/// for anonymous calls. A runaway integration can't starve the reviewers. Over the limit: 429 problem.
/// </summary>
public static class RateLimitSetup
{
    public static IServiceCollection AddWorkflowsRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<LimitsOptions>>((o, limits) =>
        {
            var permits = limits.Value.PermitsPerWindow;
            var window = TimeSpan.FromSeconds(limits.Value.WindowSeconds);
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetFixedWindowLimiter(PartitionOf(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = window,
                    QueueLimit = 0,
                }));
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (rejected, ct) =>
            {
                var http = rejected.HttpContext;
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString();
                else http.Response.Headers.RetryAfter = limits.Value.WindowSeconds.ToString();
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests.",
                        Detail = $"At most {permits} requests per {limits.Value.WindowSeconds} s per caller. Retry after the Retry-After header's seconds.",
                    },
                });
            };
        });
        services.AddRateLimiter(_ => { });
        return services;
    }

    private static string PartitionOf(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true)
            return user.Identity.AuthenticationType + ":" + (user.FindFirstValue(ClaimTypes.NameIdentifier)
                ?? user.FindFirstValue("sub") ?? user.Identity.Name ?? "?");
        return "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }
}
