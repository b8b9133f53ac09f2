namespace Workflows.Engine.Tests.Parsing;

/// <summary>
/// A syntax-only JavaScript check for tests, on the parser Jint itself uses (Acornima), standing in
/// for the interpreter's checker.
/// </summary>
internal static class JavaScriptSyntax
{
    public static string? Check(string expression)
    {
        try
        {
            new Acornima.Parser().ParseExpression(expression);
            return null;
        }
        catch (Acornima.ParseErrorException ex)
        {
            return ex.Message;
        }
    }
}
