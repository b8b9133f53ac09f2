namespace Workflows.Engine.Execution;

/// <summary>
/// A token sitting on a node. Scopes (sub-processes, event sub-processes) are activity instances too:
/// their children name them in <see cref="ScopeId"/>. Only active instances are kept in state.
/// </summary>
public sealed record ActivityInstance(string Id, string NodeId, string NodeType, string? ScopeId);
