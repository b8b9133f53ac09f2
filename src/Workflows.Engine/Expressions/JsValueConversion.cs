using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jint;
using JsEngine = Jint.Engine;
using Jint.Native;
using Jint.Native.Json;

namespace Workflows.Engine.Expressions;

/// <summary>
/// Moves values between the instance's JSON variables, CLR host functions and Jint, always by value
/// (JSON text or primitives) so that no CLR object is ever reachable from a script.
/// </summary>
internal static class JsValueConversion
{
    public static JsValue ToJs(JsEngine engine, JsonNode? node) =>
        node is null ? JsValue.Null : new JsonParser(engine).Parse(node.ToJsonString());

    public static JsonNode? ToJson(JsEngine engine, JsValue value)
    {
        if (value.IsUndefined() || value.IsNull()) return null;
        var text = new Jint.Native.Json.JsonSerializer(engine).Serialize(value);
        return text.IsString() ? JsonNode.Parse(text.AsString()) : null;
    }

    /// <summary>A host function's argument: null, string, double, bool, <see cref="DateTimeOffset"/> (a Date) or a <see cref="JsonNode"/>.</summary>
    public static object? ToClr(JsEngine engine, JsValue value)
    {
        if (value.IsUndefined() || value.IsNull()) return null;
        if (value.IsString()) return value.AsString();
        if (value.IsNumber()) return value.AsNumber();
        if (value.IsBoolean()) return value.AsBoolean();
        if (value is JsDate date) return double.IsNaN(date.DateValue) ? null : DateTimeOffset.FromUnixTimeMilliseconds((long)date.DateValue);
        return ToJson(engine, value);
    }

    /// <summary>A host function's result as a JS value; null when the type isn't one expressions can use.</summary>
    public static JsValue? FromHostResult(JsEngine engine, object? result) => result switch
    {
        null => JsValue.Null,
        string s => s,
        bool b => b,
        int or long or double or float or decimal or short or byte => Convert.ToDouble(result, CultureInfo.InvariantCulture),
        DateTimeOffset instant => new JsDate(engine, instant),
        DateTime time => new JsDate(engine, new DateTimeOffset(DateTime.SpecifyKind(time, time.Kind == DateTimeKind.Local ? DateTimeKind.Local : DateTimeKind.Utc))),
        TimeSpan span => IsoDuration(span),
        JsonNode node => ToJs(engine, node),
        _ => null,
    };

    /// <summary>The variables as CLR values for <see cref="HostFunctionContext.Variables"/>.</summary>
    public static IReadOnlyDictionary<string, object?> ToDictionary(JsonObject variables)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, node) in variables) result[name] = ToClr(node);
        return result;
    }

    // The arms are typed object on purpose: JsonNode converts implicitly from string, double and bool,
    // so without the casts the switch's type would be JsonNode and every value would come back wrapped.
    private static object? ToClr(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => (object)node.GetValue<string>(),
        JsonValueKind.Number => (object)node.GetValue<double>(),
        JsonValueKind.True => (object)true,
        JsonValueKind.False => (object)false,
        _ => node.DeepClone(),
    };

    /// <summary><c>PT…S</c>: seconds are exact to the tick and every ISO reader takes them.</summary>
    public static string IsoDuration(TimeSpan span) =>
        "PT" + ((decimal)span.Ticks / TimeSpan.TicksPerSecond).ToString("0.#######", CultureInfo.InvariantCulture) + "S";
}
