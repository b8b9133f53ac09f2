using Workflows.Engine.Execution;
using Workflows.Engine.Expressions;

namespace Workflows.Engine.Runtime;

public sealed record WorkflowRuntimeOptions
{
    /// <summary>One handler per <c>esc:action</c> name.</summary>
    public IReadOnlyList<IActionHandler> ActionHandlers { get; init; } = [];

    /// <summary>Functions offered to conditions and timer expressions (e.g. <c>workingDays</c>).</summary>
    public IReadOnlyList<IHostFunction> HostFunctions { get; init; } = [];

    public ExpressionLimits ExpressionLimits { get; init; } = new();

    /// <summary>
    /// Tries per command when another command commits to the same instance first. Each try reloads and
    /// re-runs the whole command, so a step is neither lost nor done twice.
    /// </summary>
    public int MaxCommandAttempts { get; init; } = 5;

    /// <summary>See <see cref="InterpreterServices.MaxStepsPerCommand"/>.</summary>
    public int MaxStepsPerCommand { get; init; } = 10_000;
}
