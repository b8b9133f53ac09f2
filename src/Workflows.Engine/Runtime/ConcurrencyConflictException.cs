namespace Workflows.Engine.Runtime;

/// <summary>Another command changed the instance (or fired the timer) first; the command is retried on fresh state.</summary>
public sealed class ConcurrencyConflictException(string message) : Exception(message);
