using System.Xml;
using System.Xml.Linq;
using Workflows.Engine.Parsing;
using Workflows.Engine.Runtime;
using Workflows.Escalations.Protocols;

namespace Workflows.Host.Definitions;

/// <summary>
/// What "valid" means at publish: the engine's parser and validator (supported BPMN subset, expressions
/// that parse), plus — for a key the protocol catalogue knows — the escalation domain's check of the
/// <c>esc:</c> attributes against the protocol's settings (roles, templates, gates and stages that exist).
/// </summary>
public sealed class WorkflowValidator(WorkflowRuntime runtime, ProtocolCatalogue? catalogue = null)
{
    /// <summary>Parses as the runtime will: expressions checked by its evaluator (with the host functions).</summary>
    public ParseResult Parse(string xml) => BpmnParser.Parse(xml, runtime.ParserOptions);

    /// <summary>Every error, engine's and domain's; empty when the document may be published under <paramref name="key"/>.</summary>
    public IReadOnlyList<ValidationError> Validate(string key, string xml)
    {
        var parsed = Parse(xml);
        var errors = parsed.Errors.ToList();
        if (catalogue?.Find(key) is not { } settings) return errors;

        var problems = ProtocolCatalogue.Validate(settings, xml, key + ProtocolCatalogue.BpmnSuffix);
        if (problems.Count == 0) return errors;
        var types = ElementTypes(xml);
        errors.AddRange(problems.Select(p => new ValidationError(p.ElementId,
            p.ElementId is not null && types.TryGetValue(p.ElementId, out var type) ? type
                : p.File.EndsWith(ProtocolCatalogue.SettingsSuffix, StringComparison.Ordinal) ? "settings" : "definitions",
            p.File.EndsWith(ProtocolCatalogue.SettingsSuffix, StringComparison.Ordinal) ? $"{p.File}: {p.Message}" : p.Message)));
        return errors;
    }

    /// <summary>Element id → BPMN element name, for problems the domain check pins to an id.</summary>
    private static Dictionary<string, string> ElementTypes(string xml)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
            });
            return XDocument.Load(reader).Descendants()
                .Select(e => (Id: (string?)e.Attribute("id"), e.Name.LocalName))
                .Where(e => e.Id is not null)
                .GroupBy(e => e.Id!)
                .ToDictionary(g => g.Key, g => g.First().LocalName, StringComparer.Ordinal);
        }
        catch (XmlException)
        {
            return [];
        }
    }
}
