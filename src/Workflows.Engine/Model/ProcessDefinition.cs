namespace Workflows.Engine.Model;

/// <summary>
/// An immutable, validated process graph parsed from one BPMN file's executable process.
/// Built only by the parser after validation succeeded, so the interpreter may trust it:
/// every flow's ends exist, every gateway has outgoing flows, every timer has a value.
/// </summary>
public sealed class ProcessDefinition
{
    public ProcessDefinition(string id, string? name, IEnumerable<FlowElement> elements, IEnumerable<Lane> lanes,
        string? documentation = null)
    {
        Id = id;
        Name = name;
        Documentation = documentation;
        var all = new Dictionary<string, FlowElement>(StringComparer.Ordinal);
        foreach (var element in elements) all.Add(element.Id, element);
        Elements = all;
        Nodes = all.Values.OfType<FlowNode>().ToDictionary(n => n.Id, StringComparer.Ordinal);
        Flows = all.Values.OfType<SequenceFlow>().ToDictionary(f => f.Id, StringComparer.Ordinal);
        Lanes = lanes.ToList();
        BoundaryEventsByActivity = Nodes.Values.OfType<BoundaryEvent>()
            .GroupBy(b => b.AttachedToId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<BoundaryEvent>)g.ToList(), StringComparer.Ordinal);
        ChildrenByScope = Nodes.Values
            .GroupBy(n => n.ParentId ?? string.Empty)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<FlowNode>)g.ToList(), StringComparer.Ordinal);
    }

    /// <summary>The BPMN process id.</summary>
    public string Id { get; }
    public string? Name { get; }
    public string? Documentation { get; }
    public IReadOnlyDictionary<string, FlowElement> Elements { get; }
    public IReadOnlyDictionary<string, FlowNode> Nodes { get; }
    public IReadOnlyDictionary<string, SequenceFlow> Flows { get; }
    public IReadOnlyList<Lane> Lanes { get; }
    public IReadOnlyDictionary<string, IReadOnlyList<BoundaryEvent>> BoundaryEventsByActivity { get; }

    /// <summary>Direct children of a scope; the process itself is the empty-string key.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FlowNode>> ChildrenByScope { get; }

    public IReadOnlyList<FlowNode> ChildrenOf(string? scopeElementId) =>
        ChildrenByScope.TryGetValue(scopeElementId ?? string.Empty, out var children) ? children : [];

    public IReadOnlyList<BoundaryEvent> BoundaryEventsOf(string activityId) =>
        BoundaryEventsByActivity.TryGetValue(activityId, out var events) ? events : [];

    /// <summary>The none or message start event(s) of a scope, excluding event sub-process starts.</summary>
    public IEnumerable<StartEvent> StartEventsOf(string? scopeElementId) =>
        ChildrenOf(scopeElementId).OfType<StartEvent>();

    /// <summary>Event sub-processes directly inside a scope.</summary>
    public IEnumerable<SubProcess> EventSubProcessesOf(string? scopeElementId) =>
        ChildrenOf(scopeElementId).OfType<SubProcess>().Where(s => s.TriggeredByEvent);

    public T Get<T>(string id) where T : FlowElement => (T)Elements[id];
}
