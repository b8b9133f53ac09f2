namespace Workflows.Engine.Model;

/// <summary>What an event waits for or throws. Absent (null) on a "none" event.</summary>
public abstract record EventDefinition;

/// <summary>A message event: correlated by <see cref="MessageName"/> and the instance's correlation key.</summary>
public sealed record MessageEventDefinition(string MessageName) : EventDefinition;

/// <summary>A timer event; see <see cref="TimerDefinition"/>.</summary>
public sealed record TimerEventDefinition(TimerDefinition Timer) : EventDefinition;

/// <summary>BPMN <c>terminateEventDefinition</c>: ends every token of the enclosing scope.</summary>
public sealed record TerminateEventDefinition : EventDefinition;
