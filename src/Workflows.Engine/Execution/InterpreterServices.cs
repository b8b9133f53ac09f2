using Workflows.Engine.Expressions;

namespace Workflows.Engine.Execution;

/// <summary>What the interpreter may call: the expression evaluator and the action handlers by action name.</summary>
public sealed record InterpreterServices(IExpressionEvaluator Expressions, IReadOnlyDictionary<string, IActionHandler> ActionHandlers)
{
    /// <summary>
    /// Token moves one command may make before execution is stopped with an incident: a model that
    /// loops without a wait state would otherwise never come to rest.
    /// </summary>
    public int MaxStepsPerCommand { get; init; } = 10_000;

    public static InterpreterServices Create(IExpressionEvaluator expressions, IEnumerable<IActionHandler> handlers)
    {
        var byAction = new Dictionary<string, IActionHandler>(StringComparer.Ordinal);
        foreach (var handler in handlers)
        {
            if (!byAction.TryAdd(handler.Action, handler))
                throw new ArgumentException($"Two action handlers are registered for action '{handler.Action}'.", nameof(handlers));
        }
        return new InterpreterServices(expressions, byAction);
    }
}
