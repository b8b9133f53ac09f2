using Workflows.Engine.Model;

namespace Workflows.Engine.Execution.Behaviours;

/// <summary>What a BPMN element does when a token arrives at it. Stateless: all state is in the instance.</summary>
internal abstract class NodeBehaviour
{
    /// <param name="scopeId">The enclosing scope's activity id (null = the process).</param>
    /// <param name="viaFlowId">The flow the token came by (null: a scope's start event).</param>
    public abstract void Arrive(CommandExecution run, FlowNode node, string? scopeId, string? viaFlowId);
}

/// <summary>An element that waits for a timer or a message and reacts when it comes.</summary>
internal interface ICatchingBehaviour
{
    void Trigger(CommandExecution run, Trigger trigger);
}

internal static class NodeBehaviours
{
    public static NodeBehaviour For(FlowNode node) => node switch
    {
        StartEvent => StartEventBehaviour.Instance,
        EndEvent => EndEventBehaviour.Instance,
        Gateway { Kind: GatewayKind.Exclusive } => ExclusiveGatewayBehaviour.Instance,
        Gateway { Kind: GatewayKind.Parallel } => ParallelGatewayBehaviour.Instance,
        Gateway { Kind: GatewayKind.Inclusive } => InclusiveGatewayBehaviour.Instance,
        Gateway { Kind: GatewayKind.EventBased } => EventBasedGatewayBehaviour.Instance,
        UserTask => UserTaskBehaviour.Instance,
        ReceiveTask => ReceiveTaskBehaviour.Instance,
        ServiceTask => ServiceTaskBehaviour.Instance,
        IntermediateThrowEvent => ServiceTaskBehaviour.Instance, // a milestone, or an esc:action run like a service task
        IntermediateCatchEvent => IntermediateCatchEventBehaviour.Instance,
        SubProcess { TriggeredByEvent: false } => SubProcessBehaviour.Instance,
        _ => throw new InvalidOperationException(
            $"A token reached {node.BpmnType} '{node.Id}', which no sequence flow may enter; the parser should have rejected the model."),
    };
}
