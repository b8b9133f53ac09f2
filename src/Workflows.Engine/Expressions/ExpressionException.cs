namespace Workflows.Engine.Expressions;

/// <summary>
/// An expression could not be evaluated: it doesn't parse, it threw, it broke a sandbox limit, a host
/// function failed, or its result isn't what the caller needs. The interpreter turns it into an
/// incident; no Jint exception ever leaves the evaluator.
/// </summary>
public sealed class ExpressionException(string expression, string message, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>The expression as written.</summary>
    public string Expression { get; } = expression;
}
