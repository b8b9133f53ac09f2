namespace Workflows.Engine.Tests.Parsing;

/// <summary>Gateways: defaults, conditions, and what an event-based gateway may race.</summary>
public sealed partial class BpmnParserTests
{
    /// <summary>Start → G (of <paramref name="gatewayElement"/>) → A / B → End, with the flows' extra XML.</summary>
    private static string Split(string gatewayElement, string toA = "", string toB = "", string defaultAttribute = "") =>
        Bpmn.Process($"""
            <startEvent id="Start" />
            <sequenceFlow id="In" sourceRef="Start" targetRef="G" />
            <{gatewayElement} id="G" {defaultAttribute} />
            <sequenceFlow id="ToA" sourceRef="G" targetRef="A">{toA}</sequenceFlow>
            <sequenceFlow id="ToB" sourceRef="G" targetRef="B">{toB}</sequenceFlow>
            <userTask id="A" />
            <userTask id="B" />
            <sequenceFlow id="AEnd" sourceRef="A" targetRef="End" />
            <sequenceFlow id="BEnd" sourceRef="B" targetRef="End" />
            <endEvent id="End" />
            """);

    private const string Condition = "<conditionExpression>rag === 'RED'</conditionExpression>";

    [Theory]
    [InlineData("exclusiveGateway")]
    [InlineData("inclusiveGateway")]
    public void A_choosing_gateway_with_a_condition_and_a_default_parses(string gateway)
    {
        var result = Bpmn.Parse(Split(gateway, toA: Condition, defaultAttribute: """default="ToB" """));

        var d = ParseAssert.Parsed(result);
        Assert.Equal("ToB", d.Get<Workflows.Engine.Model.Gateway>("G").DefaultFlowId);
    }

    [Theory]
    [InlineData("exclusiveGateway")]
    [InlineData("inclusiveGateway")]
    public void A_flow_out_of_a_choosing_gateway_without_condition_or_default_is_reported(string gateway)
    {
        var result = Bpmn.Parse(Split(gateway, toA: Condition));

        ParseAssert.SingleError(result, "ToB", "sequenceFlow", "needs a condition (or must be the gateway's default)");
    }

    [Fact]
    public void A_merging_exclusive_gateway_needs_no_condition()
    {
        var result = Bpmn.Parse(Bpmn.Around("G", "G", """<exclusiveGateway id="G" />"""));

        ParseAssert.Parsed(result);
    }

    [Fact]
    public void A_default_flow_that_does_not_leave_the_gateway_is_reported_on_the_gateway()
    {
        var result = Bpmn.Parse(Split("exclusiveGateway", toA: Condition, toB: Condition, defaultAttribute: """default="AEnd" """));

        ParseAssert.SingleError(result, "G", "exclusiveGateway", "the default flow 'AEnd' is not an outgoing sequence flow of this gateway");
    }

    [Fact]
    public void A_default_flow_that_names_nothing_is_reported_on_the_gateway()
    {
        var result = Bpmn.Parse(Split("exclusiveGateway", toA: Condition, toB: Condition, defaultAttribute: """default="Nope" """));

        ParseAssert.SingleError(result, "G", "exclusiveGateway", "the default flow 'Nope' is not an outgoing sequence flow");
    }

    [Fact]
    public void A_default_flow_with_a_condition_is_reported_on_the_flow()
    {
        var result = Bpmn.Parse(Split("exclusiveGateway", toA: Condition, toB: Condition, defaultAttribute: """default="ToB" """));

        ParseAssert.SingleError(result, "ToB", "sequenceFlow", "must not carry a condition");
    }

    [Fact]
    public void A_parallel_gateway_flow_with_a_condition_is_reported()
    {
        var result = Bpmn.Parse(Split("parallelGateway", toA: Condition));

        ParseAssert.SingleError(result, "ToA", "sequenceFlow", "a parallel gateway takes every outgoing flow");
    }

    [Fact]
    public void A_parallel_gateway_has_no_default_flow()
    {
        var result = Bpmn.Parse(Split("parallelGateway", defaultAttribute: """default="ToB" """));

        ParseAssert.SingleError(result, "G", "parallelGateway", "has no default flow");
    }

    private static string Race(string second, string messages = """<message id="Msg" name="response" />""") =>
        Bpmn.Process($"""
            <startEvent id="Start" />
            <sequenceFlow id="In" sourceRef="Start" targetRef="G" />
            <eventBasedGateway id="G" />
            <sequenceFlow id="ToTimer" sourceRef="G" targetRef="Timer" />
            <intermediateCatchEvent id="Timer"><timerEventDefinition><timeDuration>P5D</timeDuration></timerEventDefinition></intermediateCatchEvent>
            <sequenceFlow id="TimerEnd" sourceRef="Timer" targetRef="End" />
            {second}
            <endEvent id="End" />
            """, messages);

    [Fact]
    public void An_event_based_gateway_may_race_a_timer_against_a_receive_task()
    {
        var result = Bpmn.Parse(Race("""
            <sequenceFlow id="ToReceive" sourceRef="G" targetRef="Receive" />
            <receiveTask id="Receive" messageRef="Msg" />
            <sequenceFlow id="ReceiveEnd" sourceRef="Receive" targetRef="End" />
            """));

        ParseAssert.Parsed(result);
    }

    [Fact]
    public void An_event_based_gateway_with_one_outgoing_flow_is_reported()
    {
        var result = Bpmn.Parse(Race(""));

        ParseAssert.SingleError(result, "G", "eventBasedGateway", "needs at least two outgoing flows");
    }

    [Fact]
    public void An_event_based_gateway_leading_to_a_task_is_reported_on_the_flow()
    {
        var result = Bpmn.Parse(Race("""
            <sequenceFlow id="ToTask" sourceRef="G" targetRef="Task" />
            <userTask id="Task" />
            <sequenceFlow id="TaskEnd" sourceRef="Task" targetRef="End" />
            """));

        ParseAssert.SingleError(result, "ToTask", "sequenceFlow", "it must lead to an intermediateCatchEvent (timer or message) or a receiveTask");
    }

    [Fact]
    public void An_event_based_gateway_flow_with_a_condition_is_reported()
    {
        var result = Bpmn.Parse(Race("""
            <sequenceFlow id="ToReceive" sourceRef="G" targetRef="Receive"><conditionExpression>true</conditionExpression></sequenceFlow>
            <receiveTask id="Receive" messageRef="Msg" />
            <sequenceFlow id="ReceiveEnd" sourceRef="Receive" targetRef="End" />
            """));

        ParseAssert.SingleError(result, "ToReceive", "sequenceFlow", "must not have a condition");
    }
}
