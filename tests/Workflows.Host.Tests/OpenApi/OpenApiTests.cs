using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.OpenApi;

[Collection(HostCollection.Name)]
public sealed partial class OpenApiTests(HostFixture fixture)
{
    [Fact]
    public async Task The_document_lists_every_api_endpoint_with_its_method()
    {
        var document = await (await fixture.App.Anonymous().GetAsync("/openapi/v1.json")).ExpectAsync(HttpStatusCode.OK);
        var paths = document["paths"]!.AsObject();

        var endpoints = fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith("api/", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(endpoints);
        foreach (var endpoint in endpoints)
        {
            var path = "/" + Constraint().Replace(endpoint.RoutePattern.RawText!.TrimStart('/'), "}").TrimEnd('/');
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods;
            Assert.True(paths.ContainsKey(path), $"{path} is missing from the OpenAPI document");
            foreach (var method in methods)
            {
                var operation = paths[path]![method.ToLowerInvariant()];
                Assert.True(operation is not null, $"{method} {path} is missing from the OpenAPI document");
                Assert.False(string.IsNullOrWhiteSpace(operation!["summary"]?.GetValue<string>()), $"{method} {path} has no summary");
                Assert.NotNull(operation["security"]);
            }
        }
    }

    [Fact]
    public async Task The_document_describes_both_credentials_and_carries_examples()
    {
        var document = await (await fixture.App.Anonymous().GetAsync("/openapi/v1.json")).ExpectAsync(HttpStatusCode.OK);
        var schemes = document["components"]!["securitySchemes"]!;
        Assert.Equal("bearer", schemes["Bearer"]!["scheme"]!.GetValue<string>());
        Assert.Equal("X-Api-Key", schemes["ApiKey"]!["name"]!.GetValue<string>());
        var example = document["paths"]!["/api/messages"]!["post"]!["requestBody"]!["content"]!["application/json"]!["example"];
        Assert.Equal("response", example!["name"]!.GetValue<string>());
        Assert.Contains("send-messages", document["paths"]!["/api/messages"]!["post"]!["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_reference_ui_is_served_at_docs()
    {
        var response = await fixture.App.Anonymous().GetAsync("/docs");
        if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.MovedPermanently)
            response = await fixture.App.Anonymous().GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("scalar", (await response.Content.ReadAsStringAsync()).ToLowerInvariant());
    }

    [GeneratedRegex(":[^}]+}")]
    private static partial Regex Constraint();
}
