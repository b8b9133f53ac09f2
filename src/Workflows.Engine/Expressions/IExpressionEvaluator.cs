using System.Text.Json.Nodes;
using Workflows.Engine.Model;

namespace Workflows.Engine.Expressions;

/// <summary>Evaluates the JavaScript a process holds: flow conditions and timer values. Thread-safe.</summary>
public interface IExpressionEvaluator
{
    /// <summary>The condition's truthiness. Throws <see cref="ExpressionException"/>.</summary>
    bool EvaluateCondition(string expression, ExpressionScope scope);

    /// <summary>
    /// The instant a timer is due when armed now (<see cref="ExpressionScope.Now"/>). For a cycle,
    /// <paramref name="repeats"/> is the total number of firings (null = unbounded) and
    /// <paramref name="interval"/> the time between them; both are null for a one-off timer.
    /// Throws <see cref="ExpressionException"/>.
    /// </summary>
    DateTimeOffset EvaluateTimerDue(TimerDefinition timer, ExpressionScope scope, out int? repeats, out TimeSpan? interval);

    /// <summary>The expression's value as JSON (undefined → null). Throws <see cref="ExpressionException"/>.</summary>
    JsonNode? Evaluate(string expression, ExpressionScope scope);

    /// <summary>Null when the expression parses; otherwise a plain-English reason (for the parser's validation hook).</summary>
    string? CheckSyntax(string expression);
}
