using System.Collections.Frozen;
using System.Xml.Linq;

namespace Workflows.Engine.Parsing;

/// <summary>
/// The BPMN 2.0 element names the parser knows, sorted into what it reads, what it skips as
/// non-executable decoration, and what it refuses with a reason. An element of the BPMN namespace
/// found in none of these lists is refused as unknown (most likely a typo).
/// </summary>
internal static class BpmnVocabulary
{
    public static readonly XNamespace Model = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    public static readonly XNamespace Esc = "urn:iro-escalation-workflows:esc:1";
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>
    /// Children of a process or sub-process that carry no execution semantics: artifacts, data,
    /// resource assignments. Skipped without error so files from any modeller load.
    /// </summary>
    public static readonly FrozenSet<string> IgnoredInScope = FrozenSet.ToFrozenSet(
    [
        "documentation", "extensionElements", "textAnnotation", "association", "group",
        "dataObject", "dataObjectReference", "dataStoreReference", "dataInputAssociation",
        "dataOutputAssociation", "ioSpecification", "ioBinding", "property", "auditing", "monitoring",
        "performer", "humanPerformer", "potentialOwner", "resourceRole", "correlationSubscription",
        "supports", "categoryValue",
        // A sub-process's own incoming/outgoing lists sit beside its children; the flows are the authority.
        "incoming", "outgoing",
    ], StringComparer.Ordinal);

    /// <summary>Flow elements refused wherever they appear, with the advice a modeller needs.</summary>
    public static readonly FrozenDictionary<string, string> RejectedInScope = new Dictionary<string, string>
    {
        ["task"] = "task (an untyped task) is not supported: the engine runs only typed tasks — use userTask, serviceTask, sendTask or receiveTask",
        ["manualTask"] = "manualTask is not supported by this engine: model work done by a person as a userTask",
        ["scriptTask"] = "scriptTask is not supported by this engine: use a serviceTask with an esc:action",
        ["businessRuleTask"] = "businessRuleTask is not supported by this engine: use a serviceTask with an esc:action",
        ["callActivity"] = "callActivity is not supported by this engine: use an embedded subProcess",
        ["transaction"] = "transaction is not supported by this engine: use an embedded subProcess",
        ["adHocSubProcess"] = "adHocSubProcess is not supported by this engine: use an embedded subProcess",
        ["complexGateway"] = "complexGateway is not supported by this engine: use an exclusive, inclusive or parallel gateway",
        ["implicitThrowEvent"] = "implicitThrowEvent is not supported by this engine",
        ["callChoreography"] = "choreographies are not supported by this engine",
        ["subChoreography"] = "choreographies are not supported by this engine",
        ["choreographyTask"] = "choreographies are not supported by this engine",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Activity element names: what a boundary event may attach to.</summary>
    public static readonly FrozenSet<string> Activities = FrozenSet.ToFrozenSet(
    [
        "task", "userTask", "manualTask", "scriptTask", "serviceTask", "sendTask", "receiveTask",
        "businessRuleTask", "callActivity", "subProcess", "transaction", "adHocSubProcess",
    ], StringComparer.Ordinal);

    /// <summary>Event definitions the engine refuses, and why.</summary>
    public static readonly FrozenDictionary<string, string> RejectedEventDefinitions = new Dictionary<string, string>
    {
        ["signalEventDefinition"] = "signal events are not supported by this engine: use a message",
        ["errorEventDefinition"] = "error events are not supported by this engine",
        ["escalationEventDefinition"] = "BPMN escalation events are not supported by this engine: use a message",
        ["conditionalEventDefinition"] = "conditional events are not supported by this engine",
        ["linkEventDefinition"] = "link events are not supported by this engine: draw the sequence flow",
        ["compensateEventDefinition"] = "compensation is not supported by this engine",
        ["cancelEventDefinition"] = "cancel events are not supported by this engine",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// True for the <c>language</c> values that mean JavaScript. Conditions and timer expressions are
    /// evaluated by Jint, so an expression that declares another language (FEEL, XPath, Groovy) would
    /// silently mean something else.
    /// </summary>
    public static bool IsJavaScript(string language) =>
        language.Contains("javascript", StringComparison.OrdinalIgnoreCase)
        || language.Contains("ecmascript", StringComparison.OrdinalIgnoreCase)
        || language.Equals("js", StringComparison.OrdinalIgnoreCase);

    /// <summary>"an endEvent", "a userTask": element names read as English nouns in messages.</summary>
    public static string WithArticle(string elementName) =>
        elementName.Length > 0 && "aeioAEIO".Contains(elementName[0]) ? "an " + elementName : "a " + elementName;

    /// <summary>
    /// A reference as written (<c>tns:Flow_1</c> or <c>Flow_1</c>) reduced to the id it names. BPMN
    /// references are QNames; ids are NCNames and so never contain a colon.
    /// </summary>
    public static string? LocalRef(string? reference)
    {
        if (reference is null) return null;
        var trimmed = reference.Trim();
        var colon = trimmed.LastIndexOf(':');
        return colon >= 0 ? trimmed[(colon + 1)..] : trimmed;
    }
}
