using Workflows.Engine.Model;

namespace Workflows.Engine.Parsing;

/// <summary>
/// What <see cref="BpmnReader"/> made of one process before the graph rules run: the elements
/// (with <see cref="RejectedNode"/> stand-ins for refused ones), the lanes, the type of every id
/// seen (so a flow into a text annotation is named as such), and the errors found while reading.
/// </summary>
internal sealed record ProcessReading(
    string Id,
    string? Name,
    string? Documentation,
    IReadOnlyList<FlowElement> Elements,
    IReadOnlyList<Lane> Lanes,
    IReadOnlyDictionary<string, string> TypesById,
    IReadOnlyList<ValidationError> Errors);
