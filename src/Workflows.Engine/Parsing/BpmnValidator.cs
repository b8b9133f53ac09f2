using Workflows.Engine.Model;

namespace Workflows.Engine.Parsing;

/// <summary>
/// The graph rules a read process must meet before the interpreter may trust it. Every rule runs
/// over every element, so one pass reports all problems. Stand-ins for refused elements
/// (<see cref="RejectedNode"/>) count as flow ends but are not themselves checked: their refusal
/// says enough.
/// </summary>
internal sealed partial class BpmnValidator
{
    private readonly ProcessReading _process;
    private readonly Func<string, string?>? _checkExpression;
    private readonly Dictionary<string, FlowNode> _nodes;
    private readonly Dictionary<string, SequenceFlow> _flows;
    private readonly List<ValidationError> _errors = [];

    private BpmnValidator(ProcessReading process, Func<string, string?>? checkExpression)
    {
        _process = process;
        _checkExpression = checkExpression;
        _nodes = process.Elements.OfType<FlowNode>().ToDictionary(n => n.Id, StringComparer.Ordinal);
        _flows = process.Elements.OfType<SequenceFlow>().ToDictionary(f => f.Id, StringComparer.Ordinal);
    }

    public static IReadOnlyList<ValidationError> Validate(ProcessReading process, BpmnParserOptions options)
    {
        var validator = new BpmnValidator(process, options.IsExpressionValid);
        foreach (var element in process.Elements)
        {
            switch (element)
            {
                case SequenceFlow flow: validator.CheckFlow(flow); break;
                case RejectedNode: break;
                case FlowNode node: validator.CheckNode(node); break;
            }
        }
        validator.CheckStartEvents();
        return validator._errors;
    }

    private void CheckFlow(SequenceFlow flow)
    {
        var source = FlowEnd(flow, flow.SourceId, "sourceRef");
        var target = FlowEnd(flow, flow.TargetId, "targetRef");

        if (target is StartEvent)
            Error(flow, "a sequence flow can't lead into a start event");
        if (target is BoundaryEvent)
            Error(flow, "a sequence flow can't lead into a boundary event: it starts when its activity's event happens");
        if (source is EndEvent)
            Error(flow, "a sequence flow can't leave an end event");
        CheckCondition(flow, source);
    }

    /// <summary>The node a flow end names, if it exists in the flow's own scope; otherwise reports why not.</summary>
    private FlowNode? FlowEnd(SequenceFlow flow, string id, string attribute)
    {
        if (!_nodes.TryGetValue(id, out var node))
        {
            Error(flow, _process.TypesById.TryGetValue(id, out var type)
                ? $"{attribute} '{id}' is {BpmnVocabulary.WithArticle(type)}, not a flow node a sequence flow can connect"
                : $"{attribute} '{id}' names no element in this process");
            return null;
        }
        if (node.ParentId != flow.ParentId)
        {
            Error(flow, $"{attribute} '{id}' is in {ScopeName(node.ParentId)} but the flow is in {ScopeName(flow.ParentId)}: a sequence flow can't cross a sub-process boundary");
            return null;
        }
        return node;
    }

    private void CheckNode(FlowNode node)
    {
        var isEventSubProcess = node is SubProcess { TriggeredByEvent: true };
        if (isEventSubProcess)
        {
            if (node.Incoming.Count > 0 || node.Outgoing.Count > 0)
                Error(node, "an event sub-process can't have incoming or outgoing sequence flows: its start event's message or timer starts it");
        }
        else
        {
            if (node is not EndEvent && node.Outgoing.Count == 0)
                Error(node, node is Gateway
                    ? "gateway has no outgoing sequence flow"
                    : $"{node.BpmnType} has no outgoing sequence flow: every path must lead to an end event");
            if (node is not (StartEvent or BoundaryEvent) && node.Incoming.Count == 0)
                Error(node, $"{node.BpmnType} has no incoming sequence flow, so nothing can reach it");
        }

        switch (node)
        {
            case Gateway gateway: CheckGateway(gateway); break;
            case BoundaryEvent boundary: CheckBoundaryEvent(boundary); break;
        }
        if (TimerOf(node) is { } timer) CheckTimer(node, timer);
    }

    private void CheckCondition(SequenceFlow flow, FlowNode? source)
    {
        if (flow.Condition is null) return;
        switch (source)
        {
            case null or RejectedNode:
                break;
            case Gateway { Kind: GatewayKind.Exclusive or GatewayKind.Inclusive } gateway:
                if (gateway.DefaultFlowId == flow.Id)
                    Error(flow, $"the default flow of {gateway.BpmnType} '{gateway.Id}' must not carry a condition: it is taken when no condition holds");
                break;
            case Gateway { Kind: GatewayKind.Parallel }:
                Error(flow, "a flow leaving a parallelGateway must not have a condition: a parallel gateway takes every outgoing flow");
                break;
            case Gateway:
                Error(flow, "a flow leaving an eventBasedGateway must not have a condition: the first event to happen decides");
                break;
            default:
                Error(flow, $"conditions are only evaluated on flows leaving an exclusive or inclusive gateway: draw a gateway after {source.BpmnType} '{source.Id}'");
                break;
        }
        // "" marks a condition the reader has already refused.
        if (flow.Condition.Length > 0 && CheckExpression(flow.Condition) is { } problem)
            Error(flow, $"the condition '{flow.Condition}' is not a valid JavaScript expression: {problem}");
    }

    /// <summary>
    /// Runs the host's expression checker. A checker that throws is reported as an error on the
    /// element rather than thrown: the parser's contract is a result, never an exception, and the
    /// text being checked is untrusted input.
    /// </summary>
    private string? CheckExpression(string expression)
    {
        if (_checkExpression is null) return null;
        try
        {
            return _checkExpression(expression);
        }
        catch (Exception ex)
        {
            return $"the expression checker failed ({ex.GetType().Name}: {ex.Message})";
        }
    }

    private static string ScopeName(string? scopeId) => scopeId is null ? "the process" : $"sub-process '{scopeId}'";

    private void Error(FlowElement element, string message) =>
        _errors.Add(new ValidationError(element.Id, element.BpmnType, message));
}
