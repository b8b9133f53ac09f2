namespace Workflows.Engine.Model;

/// <summary>A lane: who acts. The engine keeps it as metadata only.</summary>
public sealed record Lane(string Id, string? Name, IReadOnlyList<string> FlowNodeIds);
