using Workflows.Engine.Model;

namespace Workflows.Engine.Tests.Parsing;

/// <summary>One way in per scope: the process, each embedded sub-process, each event sub-process.</summary>
public sealed partial class BpmnParserTests
{
    private const string ResponseMessage = """<message id="Msg" name="response" />""";

    [Fact]
    public void A_process_without_a_start_event_is_reported_on_the_process()
    {
        var result = Bpmn.Parse(Bpmn.Process("""<endEvent id="End" />"""));

        ParseAssert.HasError(result, "P", "process", "the process has no start event");
    }

    [Fact]
    public void A_second_none_start_event_is_reported_as_one_too_many()
    {
        var result = Bpmn.Parse(Bpmn.Around("T", "T", """
            <userTask id="T" />
            <startEvent id="Start2" />
            <sequenceFlow id="F2" sourceRef="Start2" targetRef="T" />
            """));

        ParseAssert.SingleError(result, "Start2", "startEvent", "two start events where one is required");
    }

    [Fact]
    public void A_message_start_event_may_be_the_process_start()
    {
        var result = Bpmn.Parse(Bpmn.Process("""
            <startEvent id="Start"><messageEventDefinition messageRef="Msg" /></startEvent>
            <sequenceFlow id="F" sourceRef="Start" targetRef="End" />
            <endEvent id="End" />
            """, ResponseMessage));

        var d = ParseAssert.Parsed(result);
        Assert.Equal(new MessageEventDefinition("response"), d.Get<StartEvent>("Start").Definition);
    }

    [Fact]
    public void A_message_start_beside_a_none_start_is_one_too_many()
    {
        var result = Bpmn.Parse(Bpmn.Around("T", "T", """
            <userTask id="T" />
            <startEvent id="ByMessage"><messageEventDefinition messageRef="Msg" /></startEvent>
            <sequenceFlow id="F2" sourceRef="ByMessage" targetRef="T" />
            """, ResponseMessage));

        ParseAssert.SingleError(result, "ByMessage", "startEvent", "two start events where one is required");
    }

    [Fact]
    public void An_embedded_sub_process_without_a_start_event_is_reported_on_the_sub_process()
    {
        var result = Bpmn.Parse(Bpmn.Around("Sub", "Sub", """
            <subProcess id="Sub">
              <userTask id="Inner" />
              <sequenceFlow id="InnerFlow" sourceRef="Inner" targetRef="InnerEnd" />
              <endEvent id="InnerEnd" />
            </subProcess>
            """));

        ParseAssert.HasError(result, "Sub", "subProcess", "the sub-process has no start event");
    }

    [Fact]
    public void An_embedded_sub_process_needs_a_none_start_not_a_message_start()
    {
        var result = Bpmn.Parse(Bpmn.Around("Sub", "Sub", """
            <subProcess id="Sub">
              <startEvent id="SubStart"><messageEventDefinition messageRef="Msg" /></startEvent>
              <sequenceFlow id="InnerFlow" sourceRef="SubStart" targetRef="InnerEnd" />
              <endEvent id="InnerEnd" />
            </subProcess>
            """, ResponseMessage));

        ParseAssert.SingleError(result, "SubStart", "startEvent", "must be a none start event");
    }

    [Fact]
    public void An_embedded_sub_process_with_two_start_events_reports_the_second()
    {
        var result = Bpmn.Parse(Bpmn.Around("Sub", "Sub", """
            <subProcess id="Sub">
              <startEvent id="SubStart1" />
              <startEvent id="SubStart2" />
              <sequenceFlow id="InnerFlow1" sourceRef="SubStart1" targetRef="InnerEnd" />
              <sequenceFlow id="InnerFlow2" sourceRef="SubStart2" targetRef="InnerEnd" />
              <endEvent id="InnerEnd" />
            </subProcess>
            """));

        ParseAssert.SingleError(result, "SubStart2", "startEvent", "two start events where one is required");
    }

    private static string EventSubProcess(string inside) => Bpmn.Around("T", "T", $"""
        <userTask id="T" />
        <subProcess id="OnEvent" triggeredByEvent="true">
          {inside}
          <endEvent id="EvEnd" />
        </subProcess>
        """, ResponseMessage);

    [Fact]
    public void An_event_sub_process_start_needs_a_message_or_timer()
    {
        var result = Bpmn.Parse(EventSubProcess("""
            <startEvent id="EvStart" />
            <sequenceFlow id="EvFlow" sourceRef="EvStart" targetRef="EvEnd" />
            """));

        ParseAssert.SingleError(result, "EvStart", "startEvent", "needs a message or timer definition");
    }

    [Fact]
    public void An_event_sub_process_without_a_start_event_is_reported_on_the_sub_process()
    {
        var result = Bpmn.Parse(Bpmn.Around("T", "T", """
            <userTask id="T" />
            <subProcess id="OnEvent" triggeredByEvent="true" />
            """));

        ParseAssert.SingleError(result, "OnEvent", "subProcess", "needs one start event with a message or timer");
    }

    [Fact]
    public void An_event_sub_process_with_two_start_events_reports_the_second()
    {
        var result = Bpmn.Parse(EventSubProcess("""
            <startEvent id="EvStart1"><messageEventDefinition messageRef="Msg" /></startEvent>
            <startEvent id="EvStart2"><timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition></startEvent>
            <sequenceFlow id="EvFlow1" sourceRef="EvStart1" targetRef="EvEnd" />
            <sequenceFlow id="EvFlow2" sourceRef="EvStart2" targetRef="EvEnd" />
            """));

        ParseAssert.SingleError(result, "EvStart2", "startEvent", "two start events where one is required");
    }

    [Fact]
    public void An_event_sub_process_may_not_have_sequence_flows_of_its_own()
    {
        var result = Bpmn.Parse(Bpmn.Process($"""
            <startEvent id="Start" />
            <sequenceFlow id="F1" sourceRef="Start" targetRef="OnEvent" />
            <subProcess id="OnEvent" triggeredByEvent="true">
              <startEvent id="EvStart"><messageEventDefinition messageRef="Msg" /></startEvent>
              <sequenceFlow id="EvFlow" sourceRef="EvStart" targetRef="EvEnd" />
              <endEvent id="EvEnd" />
            </subProcess>
            <sequenceFlow id="F2" sourceRef="OnEvent" targetRef="End" />
            <endEvent id="End" />
            """, ResponseMessage));

        ParseAssert.SingleError(result, "OnEvent", "subProcess", "can't have incoming or outgoing sequence flows");
    }

    [Fact]
    public void An_event_sub_process_inside_an_embedded_sub_process_belongs_to_that_scope()
    {
        var result = Bpmn.Parse(Bpmn.Around("Sub", "Sub", """
            <subProcess id="Sub">
              <startEvent id="SubStart" />
              <sequenceFlow id="SubFlow" sourceRef="SubStart" targetRef="SubEnd" />
              <endEvent id="SubEnd" />
              <subProcess id="OnEvent" triggeredByEvent="true">
                <startEvent id="EvStart" isInterrupting="false"><timerEventDefinition><timeCycle>R/P1D</timeCycle></timerEventDefinition></startEvent>
                <sequenceFlow id="EvFlow" sourceRef="EvStart" targetRef="EvEnd" />
                <endEvent id="EvEnd" />
              </subProcess>
            </subProcess>
            """));

        var d = ParseAssert.Parsed(result);
        Assert.Equal(["OnEvent"], d.EventSubProcessesOf("Sub").Select(s => s.Id));
        Assert.Empty(d.EventSubProcessesOf(null));
        Assert.False(d.Get<StartEvent>("EvStart").IsInterrupting);
    }
}
