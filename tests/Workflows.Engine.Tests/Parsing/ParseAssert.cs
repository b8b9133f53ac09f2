using Workflows.Engine.Model;
using Workflows.Engine.Parsing;

namespace Workflows.Engine.Tests.Parsing;

/// <summary>Assertions that print every error when they fail, so a broken rule is obvious.</summary>
internal static class ParseAssert
{
    public static ProcessDefinition Parsed(ParseResult result)
    {
        Assert.True(result.IsValid, "expected a definition, got:\n" + Describe(result));
        return result.Definition!;
    }

    public static ValidationError HasError(ParseResult result, string? elementId, string elementType, string messagePart)
    {
        Assert.Null(result.Definition);
        var match = result.Errors.FirstOrDefault(e => e.ElementId == elementId && e.ElementType == elementType
                                                      && e.Message.Contains(messagePart, StringComparison.OrdinalIgnoreCase));
        Assert.True(match is not null,
            $"expected an error on {elementType} '{elementId}' containing \"{messagePart}\", got:\n" + Describe(result));
        return match!;
    }

    public static ValidationError SingleError(ParseResult result, string? elementId, string elementType, string messagePart)
    {
        var error = HasError(result, elementId, elementType, messagePart);
        Assert.True(result.Errors.Count == 1, "expected exactly one error, got:\n" + Describe(result));
        return error;
    }

    public static void NoErrorOn(ParseResult result, string elementId) =>
        Assert.True(result.Errors.All(e => e.ElementId != elementId),
            $"expected no error on '{elementId}', got:\n" + Describe(result));

    public static string Describe(ParseResult result) =>
        result.Errors.Count == 0 ? "(no errors)" : string.Join("\n", result.Errors.Select(e => "  " + e));
}
