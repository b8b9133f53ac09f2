using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Designer;

/// <summary>North Somerset escalations as a case system drives them over HTTP, and the timers they arm.</summary>
public static class DesignerEscalations
{
    public const string Protocol = "north-somerset";

    /// <summary>Raises an AMBER escalation (informal rung 0, or bypassing straight to <paramref name="startRung"/>).</summary>
    public static async Task<JsonNode> RaiseAsync(HttpClient caseSystem, string rag = "AMBER", int startRung = 0)
    {
        var response = await caseSystem.PostAsJsonAsync("/api/escalations", new
        {
            protocol = Protocol,
            childRef = "CHILD-" + Guid.NewGuid().ToString("N")[..6],
            legalStatus = "child-in-care",
            raiserRole = "IRO",
            raiser = "Irene IRO",
            category = "Stability of placement",
            rag,
            summary = "The placement plan was not updated after the review.",
            impactOnChild = "Uncertainty about where she will live is affecting school.",
            actionsRequested = "Update the placement plan and share it.",
            team = "Children in Care 2",
            startRung,
            bypassReason = startRung > 0 ? "Urgent: risk of placement breakdown this week." : null,
        });
        return (await response.ExpectAsync(HttpStatusCode.Created))["escalation"]!;
    }

    public static async Task<JsonNode> PostAsync(HttpClient caseSystem, string id, string action, object body) =>
        (await (await caseSystem.PostAsJsonAsync($"/api/escalations/{Uri.EscapeDataString(id)}/{action}", body))
            .ExpectAsync(HttpStatusCode.OK))["escalation"]!;

    /// <summary>The instance behind an escalation: pinned version and armed timers with their due instants.</summary>
    public static async Task<JsonNode> InstanceAsync(HttpClient client, JsonNode escalation) =>
        await (await client.GetAsync($"/api/instances/{escalation["instanceId"]!.GetValue<string>()}")).ExpectAsync(HttpStatusCode.OK);

    public static int DefinitionVersion(this JsonNode node) => node["definitionVersion"]!.GetValue<int>();

    /// <summary>The due instant of the armed timer on <paramref name="nodeId"/>; fails listing the armed timers when there is none.</summary>
    public static DateTimeOffset DueAt(this JsonNode instance, string nodeId)
    {
        var timers = instance["timers"]!.AsArray();
        var timer = timers.SingleOrDefault(t => t!["nodeId"]!.GetValue<string>() == nodeId)
            ?? throw new Xunit.Sdk.XunitException($"No armed timer on {nodeId}; armed: {timers.ToJsonString()}");
        return timer["dueAt"]!.GetValue<DateTimeOffset>();
    }
}
