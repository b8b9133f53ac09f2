namespace Workflows.Host.Http;

/// <summary>Endpoint metadata: the largest body this endpoint reads. Endpoints without it get the JSON limit.</summary>
public sealed record BodySizeLimit(long Bytes);

public static class BodySizeLimitExtensions
{
    public static TBuilder WithBodySizeLimit<TBuilder>(this TBuilder builder, long bytes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new BodySizeLimit(bytes));
}
