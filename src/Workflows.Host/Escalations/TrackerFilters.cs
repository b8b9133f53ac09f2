using Workflows.Escalations;
using Workflows.Escalations.Protocols;

namespace Workflows.Host.Escalations;

/// <summary>
/// The tracker's filters must name things that exist: a filter on a misspelt protocol or rung would
/// silently show nothing, which a manager would read as "no open escalations". Unknown values are 400s
/// that list what is allowed.
/// </summary>
public static class TrackerFilters
{
    public static readonly IReadOnlyList<string> RagRatings = ["GREEN", "AMBER", "RED"];
    public static readonly IReadOnlyList<string> RaiserRoles = [EscalationVariables.Iro, EscalationVariables.CpChair];
    public const string CafcassStage = "cafcass";

    public static void Check(ProtocolCatalogue catalogue, string? protocol, string? rung, string? rag, string? raiser,
        Dictionary<string, string[]> errors)
    {
        ProtocolSettings? settings = null;
        if (protocol is not null && (settings = catalogue.Find(protocol)) is null)
            errors["protocol"] = [$"Unknown protocol '{protocol}'. Allowed: {string.Join(", ", catalogue.Keys)}."];

        if (rung is not null)
        {
            var stages = (settings is null ? catalogue.Protocols.Select(p => p.Settings) : [settings])
                .SelectMany(s => s.Rungs.Select(r => r.Stage.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .Append(CafcassStage).Distinct().Order(StringComparer.Ordinal).ToList();
            if (!stages.Contains(rung, StringComparer.Ordinal))
                errors["rung"] = [$"Unknown rung '{rung}'. Allowed: {string.Join(", ", stages)}."];
        }
        if (rag is not null && !RagRatings.Contains(rag, StringComparer.OrdinalIgnoreCase))
            errors["rag"] = [$"Unknown RAG rating '{rag}'. Allowed: {string.Join(", ", RagRatings)}."];
        if (raiser is not null && !RaiserRoles.Contains(raiser, StringComparer.OrdinalIgnoreCase))
            errors["raiser"] = [$"Unknown raiser role '{raiser}'. Allowed: {string.Join(", ", RaiserRoles)}."];
    }
}
