namespace Workflows.Engine.Tests.Parsing;

/// <summary>Elements outside the supported subset are refused one by one, by id and type, with a reason.</summary>
public sealed partial class BpmnParserTests
{
    [Theory]
    [InlineData("task", "the engine runs only typed tasks")]
    [InlineData("manualTask", "manualTask is not supported by this engine")]
    [InlineData("scriptTask", "scriptTask is not supported by this engine")]
    [InlineData("businessRuleTask", "businessRuleTask is not supported by this engine")]
    [InlineData("callActivity", "callActivity is not supported by this engine")]
    [InlineData("transaction", "transaction is not supported by this engine")]
    [InlineData("adHocSubProcess", "adHocSubProcess is not supported by this engine")]
    [InlineData("complexGateway", "complexGateway is not supported by this engine")]
    public void A_refused_flow_node_is_the_only_error_its_flows_still_connect(string element, string reason)
    {
        var result = Bpmn.Parse(Bpmn.Around("X", "X", $"""<{element} id="X" name="Refused" />"""));

        ParseAssert.SingleError(result, "X", element, reason);
    }

    [Theory]
    [InlineData("intermediateCatchEvent", "signalEventDefinition", "signal events are not supported")]
    [InlineData("intermediateCatchEvent", "conditionalEventDefinition", "conditional events are not supported")]
    [InlineData("intermediateCatchEvent", "linkEventDefinition", "link events are not supported")]
    [InlineData("intermediateThrowEvent", "signalEventDefinition", "signal events are not supported")]
    [InlineData("intermediateThrowEvent", "escalationEventDefinition", "escalation events are not supported")]
    [InlineData("intermediateThrowEvent", "compensateEventDefinition", "compensation is not supported")]
    [InlineData("intermediateThrowEvent", "messageEventDefinition", "use a sendTask to send a message")]
    [InlineData("intermediateThrowEvent", "timerEventDefinition", "a throw event is a none event")]
    [InlineData("endEvent", "errorEventDefinition", "error events are not supported")]
    [InlineData("endEvent", "messageEventDefinition", "endEvent with messageEventDefinition is not supported")]
    [InlineData("endEvent", "cancelEventDefinition", "cancel events are not supported")]
    public void An_event_with_a_refused_definition_is_refused_naming_the_definition(string element, string definition, string reason)
    {
        var end = element == "endEvent" ? "" : """<sequenceFlow id="Out" sourceRef="X" targetRef="End" /><endEvent id="End" />""";
        var result = Bpmn.Parse(Bpmn.Process($"""
            <startEvent id="Start" />
            <sequenceFlow id="In" sourceRef="Start" targetRef="X" />
            <{element} id="X"><{definition} /></{element}>
            {end}
            """));

        var error = ParseAssert.SingleError(result, "X", element, reason);
        if (!reason.Contains(definition)) Assert.Contains(definition, error.Message);
    }

    [Fact]
    public void A_refused_start_event_does_not_also_count_as_a_missing_start()
    {
        var result = Bpmn.Parse(Bpmn.Process("""
            <startEvent id="Start"><signalEventDefinition /></startEvent>
            <sequenceFlow id="F" sourceRef="Start" targetRef="End" />
            <endEvent id="End" />
            """));

        ParseAssert.SingleError(result, "Start", "startEvent", "signal events are not supported");
    }

    [Fact]
    public void A_boundary_error_event_is_refused()
    {
        var result = Bpmn.Parse(Bpmn.Around("T", "T", """
            <userTask id="T" />
            <boundaryEvent id="B" attachedToRef="T"><errorEventDefinition /></boundaryEvent>
            <sequenceFlow id="FromB" sourceRef="B" targetRef="End" />
            """));

        ParseAssert.SingleError(result, "B", "boundaryEvent", "error events are not supported");
    }

    [Theory]
    [InlineData("multiInstanceLoopCharacteristics", "multi-instance")]
    [InlineData("standardLoopCharacteristics", "a loop")]
    public void A_looping_activity_is_refused(string loop, string what)
    {
        var result = Bpmn.Parse(Bpmn.Around("T", "T", $"""<userTask id="T"><{loop} /></userTask>"""));

        ParseAssert.SingleError(result, "T", "userTask", what);
    }

    [Fact]
    public void A_compensation_activity_is_refused()
    {
        var result = Bpmn.Parse(Bpmn.Around("T", "T", """<serviceTask id="T" isForCompensation="true" />"""));

        ParseAssert.SingleError(result, "T", "serviceTask", "compensation is not supported");
    }

    [Fact]
    public void An_event_with_several_definitions_is_refused()
    {
        var result = Bpmn.Parse(Bpmn.Around("C", "C", """
            <intermediateCatchEvent id="C">
              <timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition>
              <messageEventDefinition messageRef="M" />
            </intermediateCatchEvent>
            """, """<message id="M" />"""));

        ParseAssert.SingleError(result, "C", "intermediateCatchEvent", "several event definitions");
    }

    [Fact]
    public void An_event_definition_shared_by_reference_is_refused()
    {
        var result = Bpmn.Parse(Bpmn.Around("C", "C", """
            <intermediateCatchEvent id="C"><eventDefinitionRef>TimerDef</eventDefinitionRef></intermediateCatchEvent>
            """, """<timerEventDefinition id="TimerDef"><timeDuration>PT1H</timeDuration></timerEventDefinition>"""));

        ParseAssert.SingleError(result, "C", "intermediateCatchEvent", "eventDefinitionRef");
    }

    [Fact]
    public void An_unknown_element_in_the_bpmn_namespace_is_refused_as_unknown()
    {
        var result = Bpmn.Parse(Bpmn.Around("T", "T", """<userTak id="T" />"""));

        ParseAssert.SingleError(result, "T", "userTak", "not a BPMN element this engine knows");
    }

    [Fact]
    public void Elements_of_other_namespaces_and_esc_elements_are_ignored()
    {
        var result = Bpmn.Parse(Bpmn.Around("T", "T", """
            <vendor:widget xmlns:vendor="urn:vendor" id="W" />
            <esc:marker id="M" />
            <userTask id="T" vendor:colour="red" xmlns:vendor="urn:vendor" />
            """));

        var d = ParseAssert.Parsed(result);
        Assert.Empty(d.Nodes["T"].Extensions);
    }

    [Fact]
    public void An_instantiating_event_based_gateway_is_refused()
    {
        var result = Bpmn.Parse(Bpmn.Around("G", "G", """<eventBasedGateway id="G" instantiate="true" />"""));

        ParseAssert.SingleError(result, "G", "eventBasedGateway", "instantiate");
    }

    [Fact]
    public void A_default_flow_on_a_task_is_refused()
    {
        var result = Bpmn.Parse(Bpmn.Around("T", "T", """<userTask id="T" default="FromLast" />"""));

        ParseAssert.SingleError(result, "T", "userTask", "only exclusive and inclusive gateways choose between flows");
    }

    [Fact]
    public void A_timer_start_event_on_the_process_is_refused()
    {
        var result = Bpmn.Parse(Bpmn.Process("""
            <startEvent id="Start"><timerEventDefinition><timeDate>2026-01-01T09:00:00Z</timeDate></timerEventDefinition></startEvent>
            <sequenceFlow id="F" sourceRef="Start" targetRef="End" />
            <endEvent id="End" />
            """));

        ParseAssert.SingleError(result, "Start", "startEvent", "a timer start event on the process is not supported");
    }
}
