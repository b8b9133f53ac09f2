using Serilog.Core;
using Serilog.Events;

namespace Workflows.Host.Logging;

/// <summary>
/// Replaces every sensitive property (see <see cref="SensitiveData"/>) with <c>[redacted]</c>, at any
/// depth. Runs as the last enricher, so properties from scopes, the log context and destructured objects
/// are all covered, and the rendered message (which reads the same properties) is redacted too.
/// </summary>
public sealed class RedactingEnricher : ILogEventEnricher
{
    private static readonly ScalarValue RedactedValue = new(SensitiveData.Redacted);

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        List<LogEventProperty>? changed = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            var redacted = SensitiveData.IsSensitive(name) ? RedactedValue : Redact(value);
            if (!ReferenceEquals(redacted, value)) (changed ??= []).Add(new LogEventProperty(name, redacted));
        }
        if (changed is null) return;
        foreach (var property in changed) logEvent.AddOrUpdateProperty(property);
    }

    /// <summary>The value with sensitive members replaced; the same instance when nothing needed it.</summary>
    public static LogEventPropertyValue Redact(LogEventPropertyValue value)
    {
        switch (value)
        {
            case StructureValue structure:
            {
                var any = false;
                var properties = structure.Properties.Select(p =>
                {
                    var v = SensitiveData.IsSensitive(p.Name) ? RedactedValue : Redact(p.Value);
                    any |= !ReferenceEquals(v, p.Value);
                    return new LogEventProperty(p.Name, v);
                }).ToList();
                return any ? new StructureValue(properties, structure.TypeTag) : value;
            }
            case DictionaryValue dictionary:
            {
                var any = false;
                var elements = dictionary.Elements.Select(kv =>
                {
                    var v = kv.Key.Value is string key && SensitiveData.IsSensitive(key) ? RedactedValue : Redact(kv.Value);
                    any |= !ReferenceEquals(v, kv.Value);
                    return new KeyValuePair<ScalarValue, LogEventPropertyValue>(kv.Key, v);
                }).ToList();
                return any ? new DictionaryValue(elements) : value;
            }
            case SequenceValue sequence:
            {
                var any = false;
                var elements = sequence.Elements.Select(e =>
                {
                    var v = Redact(e);
                    any |= !ReferenceEquals(v, e);
                    return v;
                }).ToList();
                return any ? new SequenceValue(elements) : value;
            }
            default:
                return value;
        }
    }
}
