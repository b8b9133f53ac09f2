namespace Workflows.Engine.Model;

/// <summary>
/// Anything drawn in a process that the engine knows by id: nodes and sequence flows.
/// <see cref="Extensions"/> holds our <c>esc:</c> attributes (local name → value) exactly as written;
/// the engine hands them to action handlers and never interprets them.
/// </summary>
public abstract record FlowElement
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public string? Documentation { get; init; }
    public IReadOnlyDictionary<string, string> Extensions { get; init; } = EmptyExtensions;

    /// <summary>The id of the sub-process that contains this element, or null for the process itself.</summary>
    public string? ParentId { get; init; }

    /// <summary>The BPMN element name as written in XML, e.g. <c>userTask</c>, for error messages.</summary>
    public abstract string BpmnType { get; }

    internal static readonly IReadOnlyDictionary<string, string> EmptyExtensions =
        new Dictionary<string, string>(StringComparer.Ordinal);
}
