namespace Workflows.Engine.Expressions;

/// <summary>
/// A function a host offers to expressions, e.g. <c>workingDays(5)</c>. Called with the instant the
/// expression is evaluated at (the command's time, never a clock read) and the instance variables.
/// Return a string (ISO 8601 date-time or duration), a number, a bool, a <see cref="DateTimeOffset"/>
/// or a <see cref="TimeSpan"/>.
/// </summary>
public interface IHostFunction
{
    string Name { get; }
    object? Invoke(HostFunctionContext context, IReadOnlyList<object?> arguments);
}

/// <param name="DefinitionKey">The process key, so a host can look up per-protocol settings.</param>
public sealed record HostFunctionContext(DateTimeOffset Now, string DefinitionKey,
    IReadOnlyDictionary<string, object?> Variables);
