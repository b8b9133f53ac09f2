namespace Workflows.Engine.Execution;

public enum WorkflowCommandErrorKind
{
    /// <summary>The instance, task, timer, subscription or definition the command names doesn't exist.</summary>
    NotFound,

    /// <summary>The command doesn't fit the instance's current state (it has ended, it is already started…).</summary>
    Conflict,

    /// <summary>The command itself is malformed (e.g. a start without a resolved version).</summary>
    Invalid,
}

/// <summary>
/// A command was refused before anything happened: no event was emitted, nothing needs undoing.
/// Hosts map <see cref="Kind"/> to 404 / 409 / 400.
/// </summary>
public sealed class WorkflowCommandException(WorkflowCommandErrorKind kind, string message) : Exception(message)
{
    public WorkflowCommandErrorKind Kind { get; } = kind;

    internal static WorkflowCommandException NotFound(string message) => new(WorkflowCommandErrorKind.NotFound, message);
    internal static WorkflowCommandException Conflict(string message) => new(WorkflowCommandErrorKind.Conflict, message);
    internal static WorkflowCommandException Invalid(string message) => new(WorkflowCommandErrorKind.Invalid, message);
}
