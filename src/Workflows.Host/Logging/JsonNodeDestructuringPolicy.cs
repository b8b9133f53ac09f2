using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using Serilog.Core;
using Serilog.Events;

namespace Workflows.Host.Logging;

/// <summary>
/// Logs a <see cref="JsonNode"/> (instance variables, payloads) as a structure whose sensitive members are
/// redacted, instead of Serilog's default of enumerating it as key/value pairs or calling ToString().
/// </summary>
public sealed class JsonNodeDestructuringPolicy : IDestructuringPolicy
{
    public bool TryDestructure(object value, ILogEventPropertyValueFactory propertyValueFactory,
        [NotNullWhen(true)] out LogEventPropertyValue? result)
    {
        if (value is not JsonNode node)
        {
            result = null;
            return false;
        }
        result = Convert(node, 0);
        return true;
    }

    private static LogEventPropertyValue Convert(JsonNode? node, int depth)
    {
        if (depth > 10) return new ScalarValue("…");
        return node switch
        {
            null => new ScalarValue(null),
            JsonObject o => new StructureValue(o.Select(p => new LogEventProperty(p.Key,
                SensitiveData.IsSensitive(p.Key) ? new ScalarValue(SensitiveData.Redacted) : Convert(p.Value, depth + 1)))),
            JsonArray a => new SequenceValue(a.Select(e => Convert(e, depth + 1))),
            JsonValue v => v.GetValueKind() switch
            {
                JsonValueKind.String => new ScalarValue(v.GetValue<object>().ToString()),
                JsonValueKind.True => new ScalarValue(true),
                JsonValueKind.False => new ScalarValue(false),
                JsonValueKind.Number => new ScalarValue(v.ToJsonString()),
                _ => new ScalarValue(v.ToJsonString()),
            },
            _ => new ScalarValue(null),
        };
    }
}
