using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Workflows.Host.Http;

/// <summary>
/// Enforces the endpoint's body limit before the endpoint reads anything: a declared Content-Length
/// over it is refused unread (413); a chunked body is read into memory up to the limit and refused as
/// soon as it passes it. (Cutting a stream off half-way through a JSON read would surface as an I/O
/// error inside the endpoint, not as a 413.) Limits are small (1–2 MiB), so buffering is cheap.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<LimitsOptions> limits)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<BodySizeLimit>()?.Bytes ?? limits.Value.JsonBodyBytes;
        var request = context.Request;
        if (request.ContentLength > limit) throw TooLarge(limit);

        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false }) feature.MaxRequestBodySize = limit;

        if (request.ContentLength is null && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int n;
            while ((n = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (buffer.Length + n > limit) throw TooLarge(limit);
                buffer.Write(chunk, 0, n);
            }
            buffer.Position = 0;
            request.Body = buffer;
            request.ContentLength = buffer.Length;
        }
        await next(context);
    }

    private static BadHttpRequestException TooLarge(long limit) =>
        new($"The request body is larger than {limit} bytes.", StatusCodes.Status413PayloadTooLarge);
}
