using System.Xml.Linq;
using Workflows.Engine.Model;

namespace Workflows.Engine.Parsing;

internal sealed partial class BpmnReader
{
    private void ReadEvent(XElement element, string? parentId)
    {
        if (ReadCommon(element, parentId) is not { } common) return;

        var definitions = element.Elements()
            .Where(e => e.Name.Namespace == BpmnVocabulary.Model
                        && (e.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal)
                            || e.Name.LocalName == "eventDefinitionRef"))
            .ToList();
        if (definitions.Any(d => d.Name.LocalName == "eventDefinitionRef"))
        {
            Reject(common, "eventDefinitionRef (an event definition shared from the top level) is not supported: define the event inside the element");
            return;
        }
        if (definitions.Count > 1)
        {
            Reject(common, $"{BpmnVocabulary.WithArticle(common.Type)} with several event definitions (a BPMN multiple event) is not supported");
            return;
        }
        var definitionElement = definitions.SingleOrDefault();
        var kind = definitionElement?.Name.LocalName;
        if (kind is not null && BpmnVocabulary.RejectedEventDefinitions.TryGetValue(kind, out var refusal))
        {
            Reject(common, $"{common.Type} with {kind}: {refusal}");
            return;
        }

        switch (common.Type, kind)
        {
            case ("startEvent", null or "messageEventDefinition" or "timerEventDefinition"):
                Add(new StartEvent
                {
                    Id = common.Id,
                    Definition = ReadEventDefinition(definitionElement, common),
                    IsInterrupting = ReadBoolean(element, common.Id, "isInterrupting", defaultValue: true),
                }, common);
                break;
            case ("endEvent", null or "terminateEventDefinition"):
                Add(new EndEvent { Id = common.Id, Definition = ReadEventDefinition(definitionElement, common) }, common);
                break;
            case ("intermediateThrowEvent", null):
                Add(new IntermediateThrowEvent { Id = common.Id }, common);
                break;
            case ("intermediateCatchEvent", "messageEventDefinition" or "timerEventDefinition"):
                Add(new IntermediateCatchEvent { Id = common.Id, Definition = ReadEventDefinition(definitionElement, common)! }, common);
                break;
            case ("boundaryEvent", "messageEventDefinition" or "timerEventDefinition"):
                ReadBoundaryEvent(element, definitionElement!, common);
                break;
            case ("intermediateCatchEvent" or "boundaryEvent", null):
                Reject(common, $"{BpmnVocabulary.WithArticle(common.Type)} needs a timer or message definition: it has nothing to wait for");
                break;
            case ("intermediateThrowEvent", _):
                Reject(common, $"intermediateThrowEvent with {kind} is not supported: a throw event is a none event, optionally with an esc:action (use a sendTask to send a message)");
                break;
            case ("endEvent", "messageEventDefinition"):
                Reject(common, "endEvent with messageEventDefinition is not supported by this engine: send the message with a sendTask before a none end event");
                break;
            default:
                Reject(common, $"{common.Type} with {kind} is not supported by this engine");
                break;
        }
    }

    private void ReadBoundaryEvent(XElement element, XElement definitionElement, Common common)
    {
        var attachedTo = BpmnVocabulary.LocalRef((string?)element.Attribute("attachedToRef"));
        if (string.IsNullOrEmpty(attachedTo))
        {
            Reject(common, "a boundaryEvent needs attachedToRef naming the activity it sits on");
            return;
        }
        Add(new BoundaryEvent
        {
            Id = common.Id,
            AttachedToId = attachedTo,
            Definition = ReadEventDefinition(definitionElement, common)!,
            CancelActivity = ReadBoolean(element, common.Id, "cancelActivity", defaultValue: true),
        }, common);
    }

    /// <summary>Reads a supported definition; problems are reported against the event that carries it.</summary>
    private EventDefinition? ReadEventDefinition(XElement? definition, Common owner) =>
        definition?.Name.LocalName switch
        {
            null => null,
            "messageEventDefinition" => new MessageEventDefinition(ResolveMessage(definition, owner)),
            "timerEventDefinition" => new TimerEventDefinition(ReadTimer(definition, owner)),
            _ => new TerminateEventDefinition(),
        };

    /// <summary>
    /// The message name a <c>messageRef</c> resolves to (the message's name, or its id when unnamed).
    /// Empty, with an error reported, when it doesn't resolve.
    /// </summary>
    private string ResolveMessage(XElement holder, Common owner)
    {
        var reference = BpmnVocabulary.LocalRef((string?)holder.Attribute("messageRef"));
        if (string.IsNullOrEmpty(reference))
        {
            Error(owner.Id, owner.Type, $"{BpmnVocabulary.WithArticle(owner.Type)} that waits for a message needs a messageRef naming a <message>");
            return string.Empty;
        }
        if (_messageNames.TryGetValue(reference, out var name)) return name;
        Error(owner.Id, owner.Type, $"messageRef '{reference}' names no <message> in this file");
        return string.Empty;
    }

    /// <summary>
    /// Reads the timer's one value element. The value is checked (ISO 8601 literal or expression) by
    /// <see cref="BpmnValidator"/>; here only its presence and form. Empty when reported missing.
    /// </summary>
    private TimerDefinition ReadTimer(XElement definition, Common owner)
    {
        var values = definition.Elements()
            .Where(e => e.Name.Namespace == BpmnVocabulary.Model
                        && e.Name.LocalName is "timeDuration" or "timeDate" or "timeCycle")
            .ToList();
        if (values.Count == 0)
        {
            Error(owner.Id, owner.Type, "the timer has no value: give it a timeDuration, timeDate or timeCycle");
            return new TimerDefinition(TimerKind.Duration, string.Empty);
        }
        if (values.Count > 1)
        {
            Error(owner.Id, owner.Type, "the timer has more than one of timeDuration, timeDate and timeCycle: keep one");
            return new TimerDefinition(TimerKind.Duration, string.Empty);
        }

        var value = values[0];
        var kind = value.Name.LocalName switch
        {
            "timeDate" => TimerKind.Date,
            "timeCycle" => TimerKind.Cycle,
            _ => TimerKind.Duration,
        };
        if (ReadExpressionBody(value, owner, $"the timer's {value.Name.LocalName}", isTimer: true) is not { } body)
            return new TimerDefinition(kind, string.Empty);
        return new TimerDefinition(kind, body);
    }

    /// <summary>
    /// The text of a <c>tFormalExpression</c> (a condition or a timer value): null, with the error
    /// reported, when it is empty, typed otherwise, or declared in a language other than JavaScript.
    /// The definitions-level <c>expressionLanguage</c> is not consulted: modellers fill it with the
    /// BPMN default (XPath) whatever the expressions say, so only a language on the expression counts.
    /// </summary>
    private string? ReadExpressionBody(XElement expression, Common owner, string what, bool isTimer)
    {
        var xsiType = BpmnVocabulary.LocalRef((string?)expression.Attribute(BpmnVocabulary.Xsi + "type"));
        if (xsiType is not null && xsiType != "tFormalExpression")
        {
            Error(owner.Id, owner.Type, $"{what} is typed '{xsiType}': only tFormalExpression (or no xsi:type) can be run");
            return null;
        }
        var body = expression.Value.Trim();
        if (body.Length == 0)
        {
            Error(owner.Id, owner.Type, $"{what} is empty");
            return null;
        }
        // An ISO 8601 timer literal is data, not an expression, whatever language the element declares.
        if (isTimer && Iso8601Timer.LooksLikeIso8601(body)) return body;
        var language = ((string?)expression.Attribute("language"))?.Trim();
        if (!string.IsNullOrEmpty(language) && !BpmnVocabulary.IsJavaScript(language))
        {
            Error(owner.Id, owner.Type, $"{what} is declared in language '{language}': this engine evaluates JavaScript only");
            return null;
        }
        return body;
    }
}
