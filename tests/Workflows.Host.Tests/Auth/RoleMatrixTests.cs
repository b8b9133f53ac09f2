using System.Net;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Auth;

/// <summary>Each role against each endpoint: allowed callers get past authorization, others get 403, anonymous 401.</summary>
[Collection(HostCollection.Name)]
public sealed class RoleMatrixTests(HostFixture fixture)
{
    [Theory]
    [MemberData(nameof(EndpointPolicies.Cases), MemberType = typeof(EndpointPolicies))]
    public async Task Each_role_is_allowed_or_refused_as_the_policy_says(int row, Caller caller)
    {
        var endpoint = EndpointPolicies.Rows[row];
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Url);
        if (endpoint.Body is not null) request.Content = Fixtures.Json(endpoint.Body, endpoint.ContentType);
        var response = await fixture.App.As(caller).SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        if (caller == Caller.Anonymous)
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{endpoint.Method} {endpoint.Url} as anonymous: {(int)response.StatusCode} {body}");
        else if (endpoint.Allowed.Contains(caller))
            Assert.True(response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) && (int)response.StatusCode < 500,
                $"{endpoint.Method} {endpoint.Url} as {caller} should be allowed: {(int)response.StatusCode} {body}");
        else
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{endpoint.Method} {endpoint.Url} as {caller} should be refused: {(int)response.StatusCode} {body}");

        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
