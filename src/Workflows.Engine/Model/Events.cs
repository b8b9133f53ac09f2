namespace Workflows.Engine.Model;

/// <summary>Start event of the process or of a (event) sub-process.</summary>
public sealed record StartEvent : FlowNode
{
    public EventDefinition? Definition { get; init; }

    /// <summary>Only meaningful on an event sub-process start: false = runs alongside the scope.</summary>
    public bool IsInterrupting { get; init; } = true;
    public override string BpmnType => "startEvent";
}

public sealed record EndEvent : FlowNode
{
    public EventDefinition? Definition { get; init; }
    public bool IsTerminate => Definition is TerminateEventDefinition;
    public override string BpmnType => "endEvent";
}

/// <summary>Waits for a timer or a message, then continues.</summary>
public sealed record IntermediateCatchEvent : FlowNode
{
    public required EventDefinition Definition { get; init; }
    public override string BpmnType => "intermediateCatchEvent";
}

/// <summary>A "none" throw event, or one with an <c>esc:action</c> that runs a handler like a service task.</summary>
public sealed record IntermediateThrowEvent : FlowNode
{
    public EventDefinition? Definition { get; init; }
    public override string BpmnType => "intermediateThrowEvent";
}

/// <summary>An event attached to an activity's boundary; fires while the activity is active.</summary>
public sealed record BoundaryEvent : FlowNode
{
    public required string AttachedToId { get; init; }
    public required EventDefinition Definition { get; init; }

    /// <summary>BPMN <c>cancelActivity</c>: true interrupts the activity it is attached to.</summary>
    public bool CancelActivity { get; init; } = true;
    public override string BpmnType => "boundaryEvent";
}
