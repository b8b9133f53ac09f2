namespace Workflows.Engine.Model;

/// <summary>Work done by a person; waits until completed by a command.</summary>
public sealed record UserTask : FlowNode
{
    public override string BpmnType => "userTask";
}

/// <summary>Waits for a message.</summary>
public sealed record ReceiveTask : FlowNode
{
    public required string MessageName { get; init; }
    public override string BpmnType => "receiveTask";
}

/// <summary>
/// A service or send task: runs the handler registered for its <c>esc:action</c> and continues.
/// </summary>
public sealed record ServiceTask : FlowNode
{
    /// <summary><c>serviceTask</c> or <c>sendTask</c>: same behaviour, kept for round-tripping messages.</summary>
    public string Kind { get; init; } = "serviceTask";
    public override string BpmnType => Kind;
}

/// <summary>
/// An embedded sub-process (its own scope), or an event sub-process when <see cref="TriggeredByEvent"/>.
/// </summary>
public sealed record SubProcess : FlowNode
{
    public bool TriggeredByEvent { get; init; }
    public override string BpmnType => "subProcess";
}
