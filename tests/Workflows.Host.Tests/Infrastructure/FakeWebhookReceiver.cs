using System.Collections.Concurrent;
using System.Net;

namespace Workflows.Host.Tests.Infrastructure;

/// <summary>
/// Stands in for a case system's webhook endpoint: records each request (body and headers as sent) and
/// answers with the next queued status, or 200 when none is queued.
/// </summary>
public sealed class FakeWebhookReceiver : HttpMessageHandler
{
    private readonly ConcurrentQueue<HttpStatusCode> _answers = new();
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();

    public IReadOnlyList<ReceivedWebhook> Received => _received.ToArray();

    public void FailNext(HttpStatusCode status = HttpStatusCode.ServiceUnavailable, int times = 1)
    {
        for (var i = 0; i < times; i++) _answers.Enqueue(status);
    }

    public void Clear()
    {
        _received.Clear();
        _answers.Clear();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(ct);
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var status = _answers.TryDequeue(out var queued) ? queued : HttpStatusCode.OK;
        _received.Enqueue(new ReceivedWebhook(request.RequestUri!, body, headers, status));
        return new HttpResponseMessage(status);
    }
}

public sealed record ReceivedWebhook(Uri Url, string Body, IReadOnlyDictionary<string, string> Headers, HttpStatusCode AnsweredWith);
