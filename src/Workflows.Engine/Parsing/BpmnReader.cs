using System.Collections.Frozen;
using System.Xml.Linq;
using Workflows.Engine.Model;

namespace Workflows.Engine.Parsing;

/// <summary>
/// Turns one BPMN <c>process</c> element into model elements. Reads what it can, reports what it
/// refuses, and leaves the graph rules (flows, start events, gateways…) to <see cref="BpmnValidator"/>.
/// The <c>incoming</c>/<c>outgoing</c> children a modeller writes are ignored: they repeat what the
/// sequence flows' <c>sourceRef</c>/<c>targetRef</c> say, and the flows are the authority.
/// </summary>
internal sealed partial class BpmnReader
{
    /// <summary>
    /// Deeper nesting than any real diagram; the limit keeps a hostile file from exhausting the
    /// stack through recursion over sub-processes or child lane sets.
    /// </summary>
    internal const int MaxNestingDepth = 32;

    private readonly IReadOnlyDictionary<string, string> _messageNames;
    private readonly List<ValidationError> _errors = [];
    private readonly List<FlowElement> _elements = [];
    private readonly Dictionary<string, string> _typesById = new(StringComparer.Ordinal);
    private readonly List<Lane> _lanes = [];
    private readonly Dictionary<string, string> _laneByNode = new(StringComparer.Ordinal);

    private BpmnReader(IReadOnlyDictionary<string, string> messageNames) => _messageNames = messageNames;

    public static ProcessReading Read(XElement definitions, XElement process)
    {
        var reader = new BpmnReader(ReadMessages(definitions));
        var id = TryGetId(process);
        if (id is null) reader.Error(null, "process", "the process has no id: every element needs one");
        reader.ReadScope(process, parentId: null, depth: 0);
        return new ProcessReading(id ?? string.Empty, (string?)process.Attribute("name"), ReadDocumentation(process),
            reader.Link(), reader._lanes, reader._typesById, reader._errors);
    }

    /// <summary>Top-level <c>message</c>s: id → the name events correlate on (the id when unnamed).</summary>
    private static FrozenDictionary<string, string> ReadMessages(XElement definitions)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var message in definitions.Elements(BpmnVocabulary.Model + "message"))
        {
            var id = (string?)message.Attribute("id");
            if (string.IsNullOrWhiteSpace(id)) continue;
            var name = (string?)message.Attribute("name");
            names.TryAdd(id.Trim(), string.IsNullOrWhiteSpace(name) ? id.Trim() : name);
        }
        return names.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private void ReadScope(XElement scope, string? parentId, int depth)
    {
        foreach (var child in scope.Elements())
        {
            // Vendor elements outside extensionElements (some modellers write them) carry nothing we run.
            if (child.Name.Namespace != BpmnVocabulary.Model) continue;
            var name = child.Name.LocalName;
            switch (name)
            {
                case "laneSet":
                    ReadLaneSet(child, depth);
                    break;
                case "sequenceFlow":
                    ReadSequenceFlow(child, parentId);
                    break;
                case "startEvent" or "endEvent" or "intermediateCatchEvent" or "intermediateThrowEvent" or "boundaryEvent":
                    ReadEvent(child, parentId);
                    break;
                case "userTask" or "receiveTask" or "serviceTask" or "sendTask" or "subProcess":
                    ReadActivity(child, parentId, depth);
                    break;
                case "exclusiveGateway" or "parallelGateway" or "inclusiveGateway" or "eventBasedGateway":
                    ReadGateway(child, parentId);
                    break;
                default:
                    if (BpmnVocabulary.IgnoredInScope.Contains(name))
                    {
                        // Not run, but its id is known, so a flow pointing at it is explained properly.
                        if (TryGetId(child) is { } ignoredId) _typesById.TryAdd(ignoredId, name);
                    }
                    else if (BpmnVocabulary.RejectedInScope.TryGetValue(name, out var reason))
                    {
                        Reject(child, parentId, reason);
                    }
                    else
                    {
                        Reject(child, parentId, $"{name} is not a BPMN element this engine knows");
                    }
                    break;
            }
        }
    }

    /// <summary>The id, name, documentation and <c>esc:</c> attributes every flow element has.</summary>
    private sealed record Common(string Id, string Type, string? ParentId, string? Name, string? Documentation,
        IReadOnlyDictionary<string, string> Extensions);

    /// <summary>Reads the common part and claims the id; null (with the error reported) when unusable.</summary>
    private Common? ReadCommon(XElement element, string? parentId)
    {
        var type = element.Name.LocalName;
        var id = TryGetId(element);
        if (id is null)
        {
            Error(null, type, $"{BpmnVocabulary.WithArticle(type)} has no id (line {LineOf(element)}): every element needs one");
            return null;
        }
        if (_typesById.TryGetValue(id, out var existing))
        {
            Error(id, type, $"the id '{id}' is already used by {BpmnVocabulary.WithArticle(existing)}: ids must be unique");
            return null;
        }
        _typesById.Add(id, type);
        return new Common(id, type, parentId, (string?)element.Attribute("name"), ReadDocumentation(element),
            ReadExtensions(element));
    }

    private static string? TryGetId(XElement element)
    {
        var id = ((string?)element.Attribute("id"))?.Trim();
        return string.IsNullOrEmpty(id) ? null : id;
    }

    private static string? ReadDocumentation(XElement element)
    {
        var parts = element.Elements(BpmnVocabulary.Model + "documentation")
            .Select(d => d.Value.Trim())
            .Where(text => text.Length > 0)
            .ToList();
        return parts.Count == 0 ? null : string.Join("\n", parts);
    }

    /// <summary>Every attribute in our <c>esc:</c> namespace, exactly as written; other namespaces are ignored.</summary>
    private static IReadOnlyDictionary<string, string> ReadExtensions(XElement element)
    {
        var extensions = element.Attributes().Where(a => a.Name.Namespace == BpmnVocabulary.Esc).ToList();
        return extensions.Count == 0
            ? FlowElement.EmptyExtensions
            : extensions.ToFrozenDictionary(a => a.Name.LocalName, a => a.Value, StringComparer.Ordinal);
    }

    private void Add(FlowElement element, Common common) =>
        _elements.Add(element with
        {
            Name = common.Name,
            Documentation = common.Documentation,
            Extensions = common.Extensions,
            ParentId = common.ParentId,
        });

    /// <summary>Reports a refused node and keeps a stand-in so flows around it are still checked.</summary>
    private void Reject(XElement element, string? parentId, string reason)
    {
        var type = element.Name.LocalName;
        var id = TryGetId(element);
        Error(id, type, reason);
        if (id is null || !_typesById.TryAdd(id, type)) return;
        _elements.Add(new RejectedNode { Id = id, ElementName = type, ParentId = parentId });
    }

    /// <summary>Reports a refused node whose common part is already read and whose id is claimed.</summary>
    private void Reject(Common common, string reason)
    {
        Error(common.Id, common.Type, reason);
        _elements.Add(new RejectedNode { Id = common.Id, ElementName = common.Type, ParentId = common.ParentId });
    }

    private void Error(string? id, string type, string message) => _errors.Add(new ValidationError(id, type, message));

    private static int LineOf(XElement element) =>
        element is System.Xml.IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    /// <summary>
    /// Reads an <c>xsd:boolean</c> attribute; a value other than true/false/1/0 is reported and the
    /// BPMN default used.
    /// </summary>
    private bool ReadBoolean(XElement element, string? id, string attribute, bool defaultValue)
    {
        var raw = ((string?)element.Attribute(attribute))?.Trim();
        switch (raw)
        {
            case null: return defaultValue;
            case "true" or "1": return true;
            case "false" or "0": return false;
            default:
                Error(id, element.Name.LocalName, $"{attribute}=\"{raw}\" is not true or false");
                return defaultValue;
        }
    }

    private void ReadLaneSet(XElement laneSet, int depth)
    {
        if (depth > MaxNestingDepth)
        {
            Error(TryGetId(laneSet), "laneSet", $"lanes are nested more than {MaxNestingDepth} deep");
            return;
        }
        foreach (var lane in laneSet.Elements(BpmnVocabulary.Model + "lane"))
        {
            var id = TryGetId(lane);
            if (id is null)
            {
                Error(null, "lane", $"a lane has no id (line {LineOf(lane)}): every element needs one");
                continue;
            }
            if (!_typesById.TryAdd(id, "lane"))
            {
                Error(id, "lane", $"the id '{id}' is already used by {BpmnVocabulary.WithArticle(_typesById[id])}: ids must be unique");
                continue;
            }
            var name = (string?)lane.Attribute("name");
            var nodeIds = lane.Elements(BpmnVocabulary.Model + "flowNodeRef")
                .Select(r => BpmnVocabulary.LocalRef(r.Value) ?? string.Empty)
                .Where(r => r.Length > 0)
                .ToList();
            _lanes.Add(new Lane(id, name, nodeIds));

            // Lanes are visited parent first, so a nested lane (the more specific "who") wins.
            foreach (var nodeId in nodeIds) _laneByNode[nodeId] = string.IsNullOrWhiteSpace(name) ? id : name;
            foreach (var childLaneSet in lane.Elements(BpmnVocabulary.Model + "childLaneSet"))
                ReadLaneSet(childLaneSet, depth + 1);
        }
    }

    /// <summary>Fills each node's incoming/outgoing flows (in document order) and its lane.</summary>
    private List<FlowElement> Link()
    {
        var flows = _elements.OfType<SequenceFlow>().ToList();
        var incoming = flows.ToLookup(f => f.TargetId, f => f.Id, StringComparer.Ordinal);
        var outgoing = flows.ToLookup(f => f.SourceId, f => f.Id, StringComparer.Ordinal);
        return _elements.Select(element => element is FlowNode node
                ? node with
                {
                    Incoming = incoming[node.Id].ToList(),
                    Outgoing = outgoing[node.Id].ToList(),
                    Lane = _laneByNode.GetValueOrDefault(node.Id),
                }
                : element)
            .ToList();
    }
}
