using System.Text.Json;
using System.Text.RegularExpressions;

namespace Workflows.Host.Problems;

/// <summary>
/// Turns a <see cref="JsonException"/> into "field → what's wrong" for a problem's <c>errors</c>.
/// System.Text.Json's messages name .NET types; clients get the JSON path and a plain reason instead.
/// </summary>
public static partial class JsonErrorDescriber
{
    public static Dictionary<string, string[]> Describe(JsonException exception)
    {
        var message = exception.Message;
        var path = string.IsNullOrEmpty(exception.Path) ? "$" : exception.Path;

        if (UnmappedMember().Match(message) is { Success: true } unmapped)
            return One(Join(path, unmapped.Groups[1].Value), "Unknown field: this request does not accept it.");

        if (MissingRequired().Match(message) is { Success: true } missing)
            return QuotedNames().Matches(missing.Groups[1].Value)
                .ToDictionary(m => Join(path, m.Groups[1].Value), _ => new[] { "Required." });

        if (NullNotAllowed().Match(message) is { Success: true } nulled)
            return One(Join(path, nulled.Groups[1].Value), "Must not be null.");

        if (ConvertTo().Match(message) is { Success: true } convert)
            return One(path, $"Wrong type: expected {Friendly(convert.Groups[1].Value)}.");

        return One(path, "Malformed JSON.");
    }

    private static Dictionary<string, string[]> One(string field, string reason) => new() { [field] = [reason] };

    private static string Join(string path, string name) =>
        path.EndsWith("." + name, StringComparison.Ordinal) ? path : (path == "$" ? "$." + name : path + "." + name);

    private static string Friendly(string clrType)
    {
        var name = clrType.Split('.').Last().TrimEnd(']').Split('`')[0];
        if (clrType.Contains("Nullable", StringComparison.Ordinal))
            name = clrType[(clrType.LastIndexOf('.') + 1)..].TrimEnd(']');
        return name switch
        {
            "String" => "a string",
            "Int32" or "Int64" or "Int16" => "an integer",
            "Decimal" or "Double" or "Single" => "a number",
            "Boolean" => "true or false",
            "DateTimeOffset" or "DateTime" => "an ISO 8601 date-time",
            "DateOnly" => "an ISO 8601 date (yyyy-mm-dd)",
            "JsonObject" or "Dictionary" => "an object",
            "List" or "IReadOnlyList" or "JsonArray" => "an array",
            _ => "a value of another type",
        };
    }

    [GeneratedRegex("The JSON property '([^']+)' could not be mapped")]
    private static partial Regex UnmappedMember();

    [GeneratedRegex("missing required properties including: (.*)$")]
    private static partial Regex MissingRequired();

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex QuotedNames();

    [GeneratedRegex("property or field '([^']+)' .*doesn't allow (setting|getting) null")]
    private static partial Regex NullNotAllowed();

    [GeneratedRegex("could not be converted to ([^.\\s][^ ]*)\\.")]
    private static partial Regex ConvertTo();
}
