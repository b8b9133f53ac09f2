using System.Xml.Linq;
using Workflows.Engine.Model;

namespace Workflows.Engine.Parsing;

internal sealed partial class BpmnReader
{
    private void ReadActivity(XElement element, string? parentId, int depth)
    {
        if (ReadCommon(element, parentId) is not { } common) return;

        var loop = element.Elements().FirstOrDefault(e => e.Name.Namespace == BpmnVocabulary.Model
            && e.Name.LocalName is "multiInstanceLoopCharacteristics" or "standardLoopCharacteristics");
        if (loop is not null)
        {
            var what = loop.Name.LocalName == "standardLoopCharacteristics" ? "a loop" : "multi-instance";
            Reject(common, $"{common.Type} with {what} ({loop.Name.LocalName}) is not supported by this engine: model the repetition with gateways");
            return;
        }
        if (ReadBoolean(element, common.Id, "isForCompensation", defaultValue: false))
        {
            Reject(common, $"{common.Type} marked isForCompensation: compensation is not supported by this engine");
            return;
        }
        // BPMN lets an activity have conditional outgoing flows and a default; this engine evaluates
        // conditions only at exclusive and inclusive gateways, so the choice must be drawn as one.
        if (element.Attribute("default") is not null)
            Error(common.Id, common.Type, $"{BpmnVocabulary.WithArticle(common.Type)} can't have a default flow: only exclusive and inclusive gateways choose between flows");

        switch (common.Type)
        {
            case "userTask":
                Add(new UserTask { Id = common.Id }, common);
                break;
            case "receiveTask":
                if (ReadBoolean(element, common.Id, "instantiate", defaultValue: false))
                    Error(common.Id, common.Type, "a receiveTask with instantiate=\"true\" is not supported: start the process with a message start event");
                Add(new ReceiveTask { Id = common.Id, MessageName = ResolveMessage(element, common) }, common);
                break;
            case "serviceTask" or "sendTask":
                Add(new ServiceTask { Id = common.Id, Kind = common.Type }, common);
                break;
            default:
                ReadSubProcess(element, common, depth);
                break;
        }
    }

    private void ReadSubProcess(XElement element, Common common, int depth)
    {
        if (depth >= MaxNestingDepth)
        {
            Reject(common, $"sub-processes are nested more than {MaxNestingDepth} deep");
            return;
        }
        var triggeredByEvent = ReadBoolean(element, common.Id, "triggeredByEvent", defaultValue: false);
        Add(new SubProcess { Id = common.Id, TriggeredByEvent = triggeredByEvent }, common);
        ReadScope(element, common.Id, depth + 1);
    }

    private void ReadGateway(XElement element, string? parentId)
    {
        if (ReadCommon(element, parentId) is not { } common) return;
        var kind = common.Type switch
        {
            "exclusiveGateway" => GatewayKind.Exclusive,
            "parallelGateway" => GatewayKind.Parallel,
            "inclusiveGateway" => GatewayKind.Inclusive,
            _ => GatewayKind.EventBased,
        };
        if (kind == GatewayKind.EventBased)
        {
            // Both mean "an event starts the process", which instances started by command can't do.
            if (ReadBoolean(element, common.Id, "instantiate", defaultValue: false))
            {
                Reject(common, "an eventBasedGateway with instantiate=\"true\" is not supported: start the process with a start event");
                return;
            }
            if (((string?)element.Attribute("eventGatewayType"))?.Trim() == "Parallel")
            {
                Reject(common, "an eventBasedGateway with eventGatewayType=\"Parallel\" is not supported");
                return;
            }
        }
        Add(new Gateway
        {
            Id = common.Id,
            Kind = kind,
            DefaultFlowId = BpmnVocabulary.LocalRef((string?)element.Attribute("default")),
        }, common);
    }

    private void ReadSequenceFlow(XElement element, string? parentId)
    {
        if (ReadCommon(element, parentId) is not { } common) return;
        var source = BpmnVocabulary.LocalRef((string?)element.Attribute("sourceRef"));
        var target = BpmnVocabulary.LocalRef((string?)element.Attribute("targetRef"));
        if (string.IsNullOrEmpty(source)) Error(common.Id, common.Type, "the sequence flow has no sourceRef");
        if (string.IsNullOrEmpty(target)) Error(common.Id, common.Type, "the sequence flow has no targetRef");
        if (string.IsNullOrEmpty(source) || string.IsNullOrEmpty(target)) return;

        string? condition = null;
        if (element.Element(BpmnVocabulary.Model + "conditionExpression") is { } expression)
        {
            // An unusable condition is reported here and kept as "" (conditional, nothing to check),
            // so the graph rules don't also call the flow unconditional.
            condition = ReadExpressionBody(expression, common, "the condition", isTimer: false) ?? string.Empty;
        }
        Add(new SequenceFlow { Id = common.Id, SourceId = source, TargetId = target, Condition = condition }, common);
    }
}
