using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Workflows.Host.Tests.Infrastructure;

/// <summary>The .bpmn fixtures beside the tests, and small HTTP helpers.</summary>
public static class Fixtures
{
    public static string Bpmn(string relativePath) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, relativePath.Replace('/', Path.DirectorySeparatorChar)));

    public static StringContent Xml(string xml, string mediaType = "application/xml") => new(xml, Encoding.UTF8, mediaType);

    public static StringContent Json(string json, string mediaType = "application/json") => new(json, Encoding.UTF8, mediaType);

    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            return JsonNode.Parse(text) ?? throw new InvalidOperationException("null body");
        }
        catch (System.Text.Json.JsonException)
        {
            throw new Xunit.Sdk.XunitException($"Expected JSON, got {(int)response.StatusCode}: {text}");
        }
    }

    /// <summary>Asserts the status and returns the body, showing the body when the status is wrong.</summary>
    public static async Task<JsonNode> ExpectAsync(this HttpResponseMessage response, System.Net.HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != status)
            throw new Xunit.Sdk.XunitException($"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return string.IsNullOrEmpty(text) ? new JsonObject() : JsonNode.Parse(text)!;
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body);
}
