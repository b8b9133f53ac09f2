using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Escalations;

/// <summary>The escalation API as a case system or reviewer drives it, over HTTP only.</summary>
public static class EscalationRequests
{
    public static object Start(string protocol, string category, string? rag = "AMBER", int startRung = 0,
        string raiserRole = "IRO", string legalStatus = "child-in-care") => new
    {
        protocol,
        childRef = "CHILD-" + Guid.NewGuid().ToString("N")[..6],
        legalStatus,
        raiserRole,
        raiser = "Irene IRO",
        category,
        rag,
        summary = "The placement plan was not updated after the review.",
        impactOnChild = "Uncertainty about where she will live is affecting school.",
        actionsRequested = "Update the placement plan and share it.",
        team = "Children in Care 2",
        startRung,
        bypassReason = startRung > 0 ? "Urgent: risk of placement breakdown this week." : null,
    };

    public static async Task<JsonNode> StartAsync(this HttpClient client, object request, string? idempotencyKey = null,
        HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/escalations") { Content = JsonContent.Create(request) };
        if (idempotencyKey is not null) message.Headers.Add("Idempotency-Key", idempotencyKey);
        return await (await client.SendAsync(message)).ExpectAsync(expected);
    }

    public static async Task<JsonNode> PostAsync(this HttpClient client, string id, string action, object body,
        HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await client.PostAsJsonAsync($"/api/escalations/{id}/{action}", body)).ExpectAsync(expected);

    public static string Id(this JsonNode resource) => resource["escalation"]!["id"]!.GetValue<string>();

    public static string Stage(this JsonNode resource) => resource["escalation"]!["currentStage"]!.GetValue<string>();

    public static string Status(this JsonNode resource) => resource["escalation"]!["status"]!.GetValue<string>();

    public static IEnumerable<string> OpenTaskNodes(this JsonNode resource) =>
        resource["escalation"]!["openTasks"]!.AsArray().Select(t => t!["nodeId"]!.GetValue<string>());
}
