namespace Workflows.Engine.Model;

/// <summary>A node tokens visit: an event, activity or gateway.</summary>
public abstract record FlowNode : FlowElement
{
    public IReadOnlyList<string> Incoming { get; init; } = [];
    public IReadOnlyList<string> Outgoing { get; init; } = [];

    /// <summary>Lane names this node sits in (who acts); metadata only.</summary>
    public string? Lane { get; init; }
}
