using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Host.Auth;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Auth;

[Collection(HostCollection.Name)]
public sealed class AuthenticationTests(HostFixture fixture)
{
    private readonly WorkflowsApp app = fixture.App;

    [Fact]
    public async Task Me_says_who_the_caller_is()
    {
        var iro = await (await app.As(Caller.Iro).GetAsync("/api/me")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Irene IRO", iro["name"]!.GetValue<string>());
        Assert.Equal(["Reviewer"], iro["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("IRO", iro["reviewerRole"]!.GetValue<string>());

        var caseSystem = await (await app.As(Caller.CaseSystem).GetAsync("/api/me")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("mosaic-test", caseSystem["name"]!.GetValue<string>());
        Assert.Equal(["CaseSystem"], caseSystem["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("*", caseSystem["authority"]!.GetValue<string>());
    }

    public static TheoryData<string> BadTokens => new()
    {
        TestIdentities.Token("Mallory", [Roles.Admin], signingKey: "another-signing-key-that-is-long-enough-0123456789"),
        TestIdentities.Token("Expired", [Roles.Admin], expires: DateTime.UtcNow.AddMinutes(-10)),
        TestIdentities.Token("Elsewhere", [Roles.Admin], audience: "some-other-api"),
        "not-a-jwt",
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_token_with_a_wrong_signature_audience_or_expiry_is_401(string token)
    {
        var response = await app.WithToken(token).GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_unknown_api_key_is_401_even_alongside_a_valid_token()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.WithApiKey("wrong-key").GetAsync("/api/me")).StatusCode);
        var both = app.WithApiKey("wrong-key");
        both.DefaultRequestHeaders.Authorization = new("Bearer", TestIdentities.Admin);
        Assert.Equal(HttpStatusCode.Unauthorized, (await both.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_token_without_a_known_role_is_signed_in_but_reads_nothing()
    {
        var client = app.WithToken(TestIdentities.Token("Nobody", []));
        await (await client.GetAsync("/api/me")).ExpectAsync(HttpStatusCode.OK);
        await (await client.GetAsync("/api/workflows")).ExpectAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/docs")]
    public async Task Health_docs_and_openapi_are_anonymous(string url)
    {
        var response = await app.Anonymous().GetAsync(url);
        Assert.True(response.IsSuccessStatusCode || response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.MovedPermanently,
            $"{url}: {(int)response.StatusCode}");
    }

    [Fact]
    public async Task The_root_redirects_to_the_designer_which_is_anonymous()
    {
        var root = await app.Anonymous().GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/designer/", root.Headers.Location!.OriginalString);
        foreach (var url in new[] { "/designer/", "/designer" })
        {
            var designer = await app.Anonymous().GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, designer.StatusCode);
            Assert.Equal("text/html", designer.Content.Headers.ContentType?.MediaType);
        }
        var deepLink = await app.Anonymous().GetAsync("/designer/workflows/devon");
        Assert.Equal(HttpStatusCode.OK, deepLink.StatusCode);
    }

    [Fact]
    public void Every_endpoint_names_a_policy_or_is_one_of_the_few_anonymous_ones()
    {
        var anonymousAllowed = new[] { "/health/", "/openapi/", "/docs", "/designer" };
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.NotEmpty(endpoints);
        foreach (var endpoint in endpoints)
        {
            var route = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                Assert.True(route == "/" || anonymousAllowed.Any(p => route.StartsWith(p, StringComparison.Ordinal)),
                    $"{route} is anonymous but is not health, docs, OpenAPI or the designer.");
                continue;
            }
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().ToList();
            Assert.True(policies.Count > 0, $"{route} ({endpoint.DisplayName}) names no authorization policy.");
        }
    }
}
