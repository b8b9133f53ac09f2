using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace Workflows.Host.Tests.Infrastructure;

/// <summary>Keeps every log event the host writes, after enrichment (and so after redaction).</summary>
public sealed class CapturingSink : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<LogEvent> Events => _events.ToArray();

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    /// <summary>Each event rendered with all its properties, as a log reader would see it.</summary>
    public IEnumerable<string> Rendered() => Events.Select(e =>
    {
        using var writer = new StringWriter();
        new Serilog.Formatting.Json.JsonFormatter(renderMessage: true).Format(e, writer);
        return writer.ToString();
    });
}
