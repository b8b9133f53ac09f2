using Workflows.Engine.Model;

namespace Workflows.Engine.Parsing;

/// <summary>Either a definition (no errors) or the full list of errors; never both, never an exception.</summary>
public sealed record ParseResult(ProcessDefinition? Definition, IReadOnlyList<ValidationError> Errors)
{
    public bool IsValid => Definition is not null && Errors.Count == 0;
}
