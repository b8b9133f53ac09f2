using System.Text.Json.Nodes;

namespace Workflows.Host.OpenApi;

/// <summary>Endpoint metadata: an example request body shown in the OpenAPI document.</summary>
public sealed record RequestExample(JsonNode Value, string ContentType = "application/json");

public static class RequestExampleExtensions
{
    public static TBuilder WithRequestExample<TBuilder>(this TBuilder builder, string json, string contentType = "application/json")
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequestExample(JsonNode.Parse(json)!, contentType));
}
