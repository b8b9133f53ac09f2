using Workflows.Engine.Model;

namespace Workflows.Engine.Parsing;

internal sealed partial class BpmnValidator
{
    /// <summary>
    /// One way in per scope. The process: exactly one none or message start event (instances are
    /// started by a command or a correlated message, so a timer start has no one to run it).
    /// An embedded sub-process: exactly one none start event (BPMN 10.3.5.1). An event sub-process:
    /// exactly one start event with a message or timer, which is what triggers it.
    /// </summary>
    private void CheckStartEvents()
    {
        CheckProcessStart();
        foreach (var subProcess in _process.Elements.OfType<SubProcess>())
        {
            if (subProcess.TriggeredByEvent) CheckEventSubProcessStart(subProcess);
            else CheckEmbeddedSubProcessStart(subProcess);
        }
    }

    private void CheckProcessStart()
    {
        var starts = new List<StartEvent>();
        foreach (var start in StartEventsIn(null))
        {
            if (start.Definition is TimerEventDefinition)
                Error(start, "a timer start event on the process is not supported: instances are started by a command; use a none or message start event (timer starts belong to event sub-processes)");
            else starts.Add(start);
        }
        if (starts.Count == 0 && !HasRefusedStart(null) && !StartEventsIn(null).Any())
            _errors.Add(new ValidationError(_process.Id.Length > 0 ? _process.Id : null, "process", "the process has no start event: add one none start event"));
        foreach (var extra in starts.Skip(1))
            Error(extra, $"two start events where one is required: the process already starts at '{starts[0].Id}'");
    }

    private void CheckEmbeddedSubProcessStart(SubProcess subProcess)
    {
        var starts = StartEventsIn(subProcess.Id).ToList();
        foreach (var start in starts.Where(s => s.Definition is not null))
            Error(start, "a start event inside an embedded sub-process must be a none start event: message and timer starts belong to event sub-processes");
        if (starts.Count == 0 && !HasRefusedStart(subProcess.Id))
            Error(subProcess, "the sub-process has no start event: add one none start event");
        foreach (var extra in starts.Skip(1))
            Error(extra, $"two start events where one is required: sub-process '{subProcess.Id}' already starts at '{starts[0].Id}'");
    }

    private void CheckEventSubProcessStart(SubProcess subProcess)
    {
        var starts = StartEventsIn(subProcess.Id).ToList();
        foreach (var start in starts.Where(s => s.Definition is null))
            Error(start, "the start event of an event sub-process needs a message or timer definition: that event is what starts it");
        if (starts.Count == 0 && !HasRefusedStart(subProcess.Id))
            Error(subProcess, "an event sub-process needs one start event with a message or timer definition");
        foreach (var extra in starts.Skip(1))
            Error(extra, $"two start events where one is required: event sub-process '{subProcess.Id}' already starts at '{starts[0].Id}'");
    }

    private IEnumerable<StartEvent> StartEventsIn(string? scopeId) =>
        _process.Elements.OfType<StartEvent>().Where(s => s.ParentId == scopeId);

    /// <summary>A refused start event (a signal start…) is already reported; don't also say "no start event".</summary>
    private bool HasRefusedStart(string? scopeId) =>
        _process.Elements.OfType<RejectedNode>().Any(n => n.ParentId == scopeId && n.ElementName == "startEvent");

    private void CheckBoundaryEvent(BoundaryEvent boundary)
    {
        var attachedTo = boundary.AttachedToId;
        if (!_nodes.TryGetValue(attachedTo, out var activity))
        {
            Error(boundary, _process.TypesById.TryGetValue(attachedTo, out var type)
                ? $"attachedToRef '{attachedTo}' is {BpmnVocabulary.WithArticle(type)}: a boundary event must sit on a task or sub-process"
                : $"attachedToRef '{attachedTo}' names no element in this process");
            return;
        }
        var isActivity = activity switch
        {
            RejectedNode rejected => rejected.IsActivity,
            SubProcess subProcess => !subProcess.TriggeredByEvent,
            UserTask or ReceiveTask or ServiceTask => true,
            _ => false,
        };
        if (!isActivity)
        {
            Error(boundary, activity is SubProcess
                ? $"attachedToRef '{attachedTo}' is an event sub-process, which can't carry boundary events"
                : $"attachedToRef '{attachedTo}' is {BpmnVocabulary.WithArticle(activity.BpmnType)}: a boundary event must sit on a task or sub-process");
            return;
        }
        if (activity.ParentId != boundary.ParentId)
            Error(boundary, $"the boundary event is in {ScopeName(boundary.ParentId)} but its activity '{attachedTo}' is in {ScopeName(activity.ParentId)}");
    }

    private static TimerDefinition? TimerOf(FlowNode node)
    {
        var definition = node switch
        {
            StartEvent start => start.Definition,
            IntermediateCatchEvent catchEvent => catchEvent.Definition,
            BoundaryEvent boundary => boundary.Definition,
            _ => null,
        };
        return (definition as TimerEventDefinition)?.Timer;
    }

    /// <summary>
    /// A timer value is either an ISO 8601 literal of its kind, or a JavaScript expression evaluated
    /// when the timer is armed. Something that looks like ISO 8601 but doesn't parse is an error,
    /// not an expression: <c>P1M</c> or <c>PT24</c> must not reach the script engine as a variable name.
    /// </summary>
    private void CheckTimer(FlowNode node, TimerDefinition timer)
    {
        if (timer.Value.Length == 0) return; // missing or unusable value: already reported by the reader
        var element = timer.Kind switch
        {
            TimerKind.Date => "timeDate",
            TimerKind.Cycle => "timeCycle",
            _ => "timeDuration",
        };
        if (node is IntermediateCatchEvent && timer.Kind == TimerKind.Cycle)
            Error(node, "an intermediateCatchEvent fires once, so a timeCycle means nothing on it: use timeDuration or timeDate");

        if (Iso8601Timer.LooksLikeIso8601(timer.Value))
        {
            string? problem;
            _ = timer.Kind switch
            {
                TimerKind.Date => Iso8601Timer.TryParseDateTime(timer.Value, out _, out problem),
                TimerKind.Cycle => Iso8601Timer.TryParseCycle(timer.Value, out _, out problem),
                _ => Iso8601Timer.TryParseDuration(timer.Value, out _, out problem),
            };
            if (problem is not null) Error(node, $"the timer's {element} is not valid: {problem}");
        }
        else if (CheckExpression(timer.Value) is { } problem)
        {
            Error(node, $"the timer's {element} '{timer.Value}' is neither an ISO 8601 value nor a valid JavaScript expression: {problem}");
        }
    }
}
