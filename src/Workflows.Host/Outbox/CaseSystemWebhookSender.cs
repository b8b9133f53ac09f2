using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Workflows.Engine.Runtime;

namespace Workflows.Host.Outbox;

/// <summary>
/// Delivers a case-system side effect (<c>case-note</c>, <c>stage-entered</c>, <c>gate-requested</c>,
/// <c>outcome-recorded</c>, …) as a signed webhook to the protocol's case system. The body is
/// <c>{id, kind, instanceId, createdAt, payload}</c>; <c>id</c> is stable across retries so the receiver
/// can drop duplicates (delivery is at-least-once).
/// </summary>
public sealed class CaseSystemWebhookSender(IHttpClientFactory clients, IOptionsMonitor<CaseSystemsOptions> caseSystems,
    TimeProvider time)
{
    public const string HttpClientName = "case-system-webhooks";

    public async Task SendAsync(OutboxMessage message, JsonObject payload, CancellationToken ct)
    {
        var protocol = payload["protocol"]?.GetValue<string>();
        if (protocol is null || !caseSystems.CurrentValue.TryGetValue(protocol, out var endpoint))
            throw new PermanentDeliveryException(
                $"No case system is configured for protocol '{protocol ?? "(none)"}': set CaseSystems:{protocol ?? "<protocol>"}:WebhookUrl and Secret.");

        var body = new JsonObject
        {
            ["id"] = message.Id,
            ["kind"] = message.Kind,
            ["instanceId"] = message.InstanceId,
            ["createdAt"] = message.CreatedAt,
            ["payload"] = payload.DeepClone(),
        }.ToJsonString();
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();

        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.WebhookUrl)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(endpoint.Secret, timestamp, body));
        request.Headers.Add(WebhookSignature.DeliveryHeader, message.Id);
        request.Headers.Add(WebhookSignature.KindHeader, message.Kind);

        using var response = await clients.CreateClient(HttpClientName).SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"The case system answered {(int)response.StatusCode} {response.ReasonPhrase}.",
                null, response.StatusCode);
    }

    public static JsonObject ParsePayload(OutboxMessage message)
    {
        try
        {
            return JsonNode.Parse(message.Payload) as JsonObject
                ?? throw new PermanentDeliveryException("The outbox payload is not a JSON object.");
        }
        catch (JsonException)
        {
            throw new PermanentDeliveryException("The outbox payload is not valid JSON.");
        }
    }
}

/// <summary>A delivery that no retry can fix (nowhere to send it, unreadable payload): failed at once.</summary>
public sealed class PermanentDeliveryException(string message) : Exception(message);
