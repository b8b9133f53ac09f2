namespace Workflows.Engine.Tests.Parsing;

/// <summary>Sequence flows: both ends exist in the flow's own scope, and every node is connected.</summary>
public sealed partial class BpmnParserTests
{
    /// <summary>Start → T (a user task) → End, plus <paramref name="extra"/>.</summary>
    private static string AroundTask(string extra) => Bpmn.Around("T", "T", $"""
        <userTask id="T" />
        {extra}
        """);

    [Theory]
    [InlineData("""<sequenceFlow id="F" sourceRef="T" targetRef="Nowhere" />""", "F", "sequenceFlow", "targetRef 'Nowhere' names no element in this process")]
    [InlineData("""<sequenceFlow id="F" sourceRef="Ghost" targetRef="T" />""", "F", "sequenceFlow", "sourceRef 'Ghost' names no element in this process")]
    [InlineData("""<textAnnotation id="Note" /><sequenceFlow id="F" sourceRef="T" targetRef="Note" />""", "F", "sequenceFlow", "targetRef 'Note' is a textAnnotation, not a flow node")]
    [InlineData("""<sequenceFlow id="F" sourceRef="T" />""", "F", "sequenceFlow", "has no targetRef")]
    [InlineData("""<sequenceFlow id="F" sourceRef="T" targetRef="Start" />""", "F", "sequenceFlow", "can't lead into a start event")]
    [InlineData("""<sequenceFlow id="F" sourceRef="End" targetRef="T" />""", "F", "sequenceFlow", "can't leave an end event")]
    [InlineData("""<userTask id="DeadEnd" /><sequenceFlow id="F" sourceRef="T" targetRef="DeadEnd" />""", "DeadEnd", "userTask", "has no outgoing sequence flow")]
    [InlineData("""<exclusiveGateway id="G" /><sequenceFlow id="F" sourceRef="T" targetRef="G" />""", "G", "exclusiveGateway", "gateway has no outgoing sequence flow")]
    [InlineData("""<userTask id="Orphan" /><sequenceFlow id="F" sourceRef="Orphan" targetRef="End" />""", "Orphan", "userTask", "has no incoming sequence flow")]
    [InlineData("""<serviceTask id="T" />""", "T", "serviceTask", "the id 'T' is already used by a userTask")]
    public void A_broken_connection_is_reported_on_the_element_at_fault(string extra, string id, string type, string reason)
    {
        var result = Bpmn.Parse(AroundTask(extra));

        ParseAssert.SingleError(result, id, type, reason);
    }

    [Fact]
    public void A_flow_may_not_cross_a_sub_process_boundary()
    {
        var result = Bpmn.Parse(Bpmn.Around("Sub", "Sub", """
            <subProcess id="Sub">
              <startEvent id="SubStart" />
              <sequenceFlow id="SubFlow" sourceRef="SubStart" targetRef="SubEnd" />
              <endEvent id="SubEnd" />
              <sequenceFlow id="Escape" sourceRef="SubStart" targetRef="End" />
            </subProcess>
            """));

        ParseAssert.SingleError(result, "Escape", "sequenceFlow", "targetRef 'End' is in the process but the flow is in sub-process 'Sub'");
    }

    [Fact]
    public void A_flow_into_a_boundary_event_is_refused()
    {
        var result = Bpmn.Parse(AroundTask("""
            <boundaryEvent id="B" attachedToRef="T"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></boundaryEvent>
            <sequenceFlow id="FromB" sourceRef="B" targetRef="End" />
            <sequenceFlow id="IntoB" sourceRef="Start" targetRef="B" />
            """));

        ParseAssert.SingleError(result, "IntoB", "sequenceFlow", "can't lead into a boundary event");
    }

    [Fact]
    public void A_condition_on_a_flow_leaving_a_task_is_refused()
    {
        var result = Bpmn.Parse(Bpmn.Process("""
            <startEvent id="Start" />
            <sequenceFlow id="F1" sourceRef="Start" targetRef="T" />
            <userTask id="T" />
            <sequenceFlow id="F2" sourceRef="T" targetRef="End"><conditionExpression>ok</conditionExpression></sequenceFlow>
            <endEvent id="End" />
            """));

        ParseAssert.SingleError(result, "F2", "sequenceFlow", "only evaluated on flows leaving an exclusive or inclusive gateway");
    }

    [Fact]
    public void An_element_without_an_id_is_reported_with_its_line()
    {
        var result = Bpmn.Parse(AroundTask("""<userTask name="Nameless" />"""));

        var error = ParseAssert.SingleError(result, null, "userTask", "has no id");
        Assert.Matches(@"line \d+", error.Message);
    }

    [Fact]
    public void Every_problem_in_a_file_is_reported_at_once()
    {
        var result = Bpmn.Parse(Bpmn.Process("""
            <startEvent id="Start" />
            <sequenceFlow id="F1" sourceRef="Start" targetRef="Script" />
            <scriptTask id="Script" />
            <sequenceFlow id="F2" sourceRef="Script" targetRef="G" />
            <exclusiveGateway id="G" />
            <sequenceFlow id="F3" sourceRef="Ghost" targetRef="End" />
            <endEvent id="End" />
            """));

        ParseAssert.HasError(result, "Script", "scriptTask", "not supported");
        ParseAssert.HasError(result, "G", "exclusiveGateway", "no outgoing sequence flow");
        ParseAssert.HasError(result, "F3", "sequenceFlow", "names no element");
        Assert.Equal(3, result.Errors.Count);
    }

    [Fact]
    public void A_process_without_an_id_is_reported()
    {
        var xml = Bpmn.Definitions("""
            <process isExecutable="true">
              <startEvent id="S" />
              <sequenceFlow id="F" sourceRef="S" targetRef="E" />
              <endEvent id="E" />
            </process>
            """);

        ParseAssert.SingleError(Bpmn.Parse(xml), null, "process", "the process has no id");
    }
}
