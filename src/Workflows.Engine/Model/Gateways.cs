namespace Workflows.Engine.Model;

public enum GatewayKind { Exclusive, Parallel, Inclusive, EventBased }

public sealed record Gateway : FlowNode
{
    public required GatewayKind Kind { get; init; }

    /// <summary>The flow taken when no condition holds (exclusive, inclusive).</summary>
    public string? DefaultFlowId { get; init; }

    public override string BpmnType => Kind switch
    {
        GatewayKind.Exclusive => "exclusiveGateway",
        GatewayKind.Parallel => "parallelGateway",
        GatewayKind.Inclusive => "inclusiveGateway",
        _ => "eventBasedGateway",
    };
}
