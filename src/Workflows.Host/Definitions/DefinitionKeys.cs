using System.Text.RegularExpressions;

namespace Workflows.Host.Definitions;

/// <summary>A definition key is a protocol's slug: lower-case letters, digits and hyphens, 1–64 characters.</summary>
public static partial class DefinitionKeys
{
    public const string Pattern = "^[a-z0-9][a-z0-9-]{0,63}$";

    public static bool IsValid(string key) => KeyRegex().IsMatch(key);

    [GeneratedRegex(Pattern)]
    private static partial Regex KeyRegex();
}
