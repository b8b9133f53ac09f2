namespace Workflows.Engine.Expressions;

/// <summary>
/// The sandbox around every evaluation. Conditions and timer values are one-liners; these limits are
/// generous for them and stop a runaway loop or allocation long before it hurts the host.
/// </summary>
public sealed record ExpressionLimits
{
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMilliseconds(200);
    public int MaxStatements { get; init; } = 50_000;
    public long MaxMemoryBytes { get; init; } = 32 * 1024 * 1024;
    public int MaxRecursionDepth { get; init; } = 64;

    /// <summary>Distinct expression texts kept compiled; definitions hold a bounded set, so this is a safety net.</summary>
    public int MaxCachedScripts { get; init; } = 10_000;
}
