using Workflows.Engine.Model;

namespace Workflows.Engine.Parsing;

internal sealed partial class BpmnValidator
{
    private void CheckGateway(Gateway gateway)
    {
        CheckDefaultFlow(gateway);
        switch (gateway.Kind)
        {
            case GatewayKind.Exclusive or GatewayKind.Inclusive when gateway.Outgoing.Count > 1:
                // With one outgoing flow a gateway only merges; with several it must be able to choose.
                foreach (var flow in OutgoingFlows(gateway))
                {
                    if (flow.Condition is null && flow.Id != gateway.DefaultFlowId)
                        Error(flow, $"this flow leaves {gateway.BpmnType} '{gateway.Id}', which has several outgoing flows, so it needs a condition (or must be the gateway's default)");
                }
                break;
            case GatewayKind.EventBased:
                CheckEventBasedGateway(gateway);
                break;
        }
    }

    private void CheckDefaultFlow(Gateway gateway)
    {
        if (gateway.DefaultFlowId is not { } defaultId) return;
        if (gateway.Kind is GatewayKind.Parallel or GatewayKind.EventBased)
        {
            Error(gateway, $"{BpmnVocabulary.WithArticle(gateway.BpmnType)} has no default flow: only exclusive and inclusive gateways choose between flows");
            return;
        }
        if (!_flows.TryGetValue(defaultId, out var flow) || flow.SourceId != gateway.Id)
            Error(gateway, $"the default flow '{defaultId}' is not an outgoing sequence flow of this gateway");
    }

    /// <summary>
    /// BPMN 10.6.6: an event-based gateway waits for the first of the events (or receive tasks) its
    /// flows lead to; with fewer than two there is nothing to race.
    /// </summary>
    private void CheckEventBasedGateway(Gateway gateway)
    {
        if (gateway.Outgoing.Count is > 0 and < 2)
            Error(gateway, "an eventBasedGateway needs at least two outgoing flows, each to an event it waits for");
        foreach (var flow in OutgoingFlows(gateway))
        {
            if (!_nodes.TryGetValue(flow.TargetId, out var target) || target is RejectedNode) continue;
            if (target is not (IntermediateCatchEvent or ReceiveTask))
                Error(flow, $"this flow leaves eventBasedGateway '{gateway.Id}' but leads to {BpmnVocabulary.WithArticle(target.BpmnType)}: it must lead to an intermediateCatchEvent (timer or message) or a receiveTask");
        }
    }

    private IEnumerable<SequenceFlow> OutgoingFlows(FlowNode node) =>
        node.Outgoing.Select(id => _flows.GetValueOrDefault(id)).OfType<SequenceFlow>();
}
