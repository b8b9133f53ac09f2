using System.Net;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Problems;

[Collection(HostCollection.Name)]
public sealed class BadInputTests(HostFixture fixture)
{
    [Theory]
    [MemberData(nameof(BadInputCorpus.Names), MemberType = typeof(BadInputCorpus))]
    public async Task Bad_input_is_a_4xx_problem_never_a_500(string name)
    {
        var c = BadInputCorpus.Cases.Single(x => x.Name == name);
        using var request = new HttpRequestMessage(new HttpMethod(c.Method), c.Url) { Content = BadInputCorpus.Content(c) };
        if (c.Chunked) request.Headers.TransferEncodingChunked = true;
        foreach (var (header, value) in c.Headers ?? new Dictionary<string, string>()) request.Headers.Add(header, value);
        var response = await fixture.App.As(Caller.Admin).SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True((int)response.StatusCode == c.ExpectedStatus, $"{name}: expected {c.ExpectedStatus}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = System.Text.Json.Nodes.JsonNode.Parse(text)!;
        Assert.Equal(c.ExpectedStatus, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(problem["title"]?.GetValue<string>()), text);
        Assert.NotNull(problem["correlationId"]);
        Assert.DoesNotContain("   at ", text);
        Assert.DoesNotContain("Exception", text);
        Assert.DoesNotContain("Workflows.Host", text);
        if (c.ErrorField is not null)
            Assert.True(problem["errors"]?[c.ErrorField] is not null, $"{name}: expected errors[{c.ErrorField}] in {text}");
    }

    [Fact]
    public async Task The_correlation_id_comes_back_and_is_quoted_in_the_problem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = Fixtures.Json("{") };
        request.Headers.Add("X-Correlation-Id", "mosaic-req-42");
        var response = await fixture.App.As(Caller.Admin).SendAsync(request);
        Assert.Equal("mosaic-req-42", response.Headers.GetValues("X-Correlation-Id").Single());
        var problem = await response.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal("mosaic-req-42", problem["correlationId"]!.GetValue<string>());

        var generated = await fixture.App.As(Caller.Admin).GetAsync("/api/me");
        Assert.False(string.IsNullOrEmpty(generated.Headers.GetValues("X-Correlation-Id").Single()));
    }
}
