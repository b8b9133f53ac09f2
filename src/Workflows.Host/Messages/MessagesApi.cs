using System.ComponentModel;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Engine.Runtime;
using Workflows.Host.Auth;
using Workflows.Host.OpenApi;

namespace Workflows.Host.Messages;

/// <summary><c>POST /api/messages</c>: delivers a BPMN message to every running instance waiting for it under the correlation key.</summary>
public static class MessagesApi
{
    public static IEndpointRouteBuilder MapMessagesApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", Correlate).RequireAuthorization(Policies.SendMessages).WithTags("Messages")
            .WithSummary("Correlates a message by name and correlation key; returns the ids of the instances that took it.")
            .WithDescription("None waiting is not an error: the list is then empty.")
            .WithRequestExample("""{ "name": "response", "correlationKey": "ESC-2026-0042", "payload": { "response": "Placement review booked for Friday.", "respondedBy": "Team Manager" } }""");
        return app;
    }

    public sealed record MessageRequest(
        [property: Description("The BPMN message name, e.g. response, bypass, close.")] string Name,
        [property: Description("The escalation id the instance was started with.")] string CorrelationKey,
        [property: Description("Variables merged into the instance when it takes the message.")] JsonObject? Payload = null);

    public sealed record MessageCorrelated(string Name, string CorrelationKey, IReadOnlyList<string> CorrelatedInstanceIds);

    public static async Task<Results<Ok<MessageCorrelated>, ValidationProblem>> Correlate(MessageRequest request,
        WorkflowRuntime runtime, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name)) errors["name"] = ["Required."];
        if (string.IsNullOrWhiteSpace(request.CorrelationKey)) errors["correlationKey"] = ["Required."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var results = await runtime.CorrelateMessageAsync(
            new CorrelateMessage(request.Name, request.CorrelationKey, request.Payload, AuthSetup.ActorOf(user)), ct);
        return TypedResults.Ok(new MessageCorrelated(request.Name, request.CorrelationKey,
            results.Where(r => r.Journal.Count > 0).Select(r => r.InstanceId).ToList()));
    }
}
