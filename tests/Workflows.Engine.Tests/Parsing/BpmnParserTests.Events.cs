using Workflows.Engine.Model;

namespace Workflows.Engine.Tests.Parsing;

/// <summary>Boundary events, message references and timer values.</summary>
public sealed partial class BpmnParserTests
{
    private const string OneHour = "<timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition>";

    /// <summary>Start → T (a user task) → End, plus a boundary event B whose flow goes to End.</summary>
    private static string WithBoundary(string boundary, string extra = "") => Bpmn.Around("T", "T", $"""
        <userTask id="T" />
        {boundary}
        <sequenceFlow id="FromB" sourceRef="B" targetRef="End" />
        {extra}
        """, """<message id="Msg" name="response" />""");

    [Fact]
    public void A_message_boundary_event_on_a_task_parses()
    {
        var result = Bpmn.Parse(WithBoundary("""<boundaryEvent id="B" attachedToRef="T" cancelActivity="false"><messageEventDefinition messageRef="Msg" /></boundaryEvent>"""));

        var b = ParseAssert.Parsed(result).Get<BoundaryEvent>("B");
        Assert.Equal(new MessageEventDefinition("response"), b.Definition);
        Assert.False(b.CancelActivity);
    }

    [Theory]
    [InlineData($"""<boundaryEvent id="B" attachedToRef="Ghost">{OneHour}</boundaryEvent>""", "attachedToRef 'Ghost' names no element")]
    [InlineData($"""<boundaryEvent id="B">{OneHour}</boundaryEvent>""", "needs attachedToRef")]
    [InlineData("""<boundaryEvent id="B" attachedToRef="T" />""", "needs a timer or message definition")]
    [InlineData($"""<boundaryEvent id="B" attachedToRef="T" cancelActivity="sometimes">{OneHour}</boundaryEvent>""", "cancelActivity=\"sometimes\" is not true or false")]
    public void A_boundary_event_that_is_not_attached_or_has_nothing_to_wait_for_is_reported(string boundary, string reason)
    {
        var result = Bpmn.Parse(WithBoundary(boundary));

        ParseAssert.SingleError(result, "B", "boundaryEvent", reason);
    }

    [Fact]
    public void A_boundary_event_attached_to_a_gateway_is_reported()
    {
        var result = Bpmn.Parse(Bpmn.Around("G", "G", $"""
            <exclusiveGateway id="G" />
            <boundaryEvent id="B" attachedToRef="G">{OneHour}</boundaryEvent>
            <sequenceFlow id="FromB" sourceRef="B" targetRef="End" />
            """));

        ParseAssert.SingleError(result, "B", "boundaryEvent", "attachedToRef 'G' is an exclusiveGateway: a boundary event must sit on a task or sub-process");
    }

    [Fact]
    public void A_boundary_event_on_an_activity_in_another_scope_is_reported()
    {
        var result = Bpmn.Parse(Bpmn.Around("Sub", "Sub", $"""
            <subProcess id="Sub">
              <startEvent id="SubStart" />
              <sequenceFlow id="SubFlow1" sourceRef="SubStart" targetRef="Inner" />
              <userTask id="Inner" />
              <sequenceFlow id="SubFlow2" sourceRef="Inner" targetRef="SubEnd" />
              <endEvent id="SubEnd" />
            </subProcess>
            <boundaryEvent id="B" attachedToRef="Inner">{OneHour}</boundaryEvent>
            <sequenceFlow id="FromB" sourceRef="B" targetRef="End" />
            """));

        ParseAssert.SingleError(result, "B", "boundaryEvent", "its activity 'Inner' is in sub-process 'Sub'");
    }

    [Fact]
    public void A_boundary_event_on_a_refused_activity_adds_no_error_of_its_own()
    {
        var result = Bpmn.Parse(Bpmn.Around("S", "S", $"""
            <scriptTask id="S" />
            <boundaryEvent id="B" attachedToRef="S">{OneHour}</boundaryEvent>
            <sequenceFlow id="FromB" sourceRef="B" targetRef="End" />
            """));

        ParseAssert.SingleError(result, "S", "scriptTask", "not supported");
    }

    [Fact]
    public void A_message_event_without_a_message_ref_is_reported()
    {
        var result = Bpmn.Parse(Bpmn.Around("C", "C", """<intermediateCatchEvent id="C"><messageEventDefinition /></intermediateCatchEvent>"""));

        ParseAssert.SingleError(result, "C", "intermediateCatchEvent", "needs a messageRef");
    }

    [Fact]
    public void A_message_ref_to_no_message_is_reported()
    {
        var result = Bpmn.Parse(Bpmn.Around("C", "C", """<intermediateCatchEvent id="C"><messageEventDefinition messageRef="Nope" /></intermediateCatchEvent>"""));

        ParseAssert.SingleError(result, "C", "intermediateCatchEvent", "messageRef 'Nope' names no <message>");
    }

    [Fact]
    public void A_receive_task_without_a_message_ref_is_reported()
    {
        var result = Bpmn.Parse(Bpmn.Around("R", "R", """<receiveTask id="R" />"""));

        ParseAssert.SingleError(result, "R", "receiveTask", "needs a messageRef");
    }

    [Fact]
    public void A_prefixed_message_ref_resolves()
    {
        var result = Bpmn.Parse(Bpmn.Around("R", "R", """<receiveTask id="R" messageRef="tns:Msg" xmlns:tns="urn:test" />""",
            """<message id="Msg" name="close" />"""));

        Assert.Equal("close", ParseAssert.Parsed(result).Get<ReceiveTask>("R").MessageName);
    }

    private static string CatchTimer(string timerContent) =>
        Bpmn.Around("C", "C", $"""<intermediateCatchEvent id="C"><timerEventDefinition>{timerContent}</timerEventDefinition></intermediateCatchEvent>""");

    [Theory]
    [InlineData("<timeDuration>PT24H</timeDuration>", TimerKind.Duration, "PT24H")]
    [InlineData("<timeDuration>  P5D  </timeDuration>", TimerKind.Duration, "P5D")]
    [InlineData("<timeDuration>P1W</timeDuration>", TimerKind.Duration, "P1W")]
    [InlineData("<timeDate>2026-12-01T17:00:00Z</timeDate>", TimerKind.Date, "2026-12-01T17:00:00Z")]
    [InlineData("<timeDuration xsi:type=\"tFormalExpression\">workingDays(5)</timeDuration>", TimerKind.Duration, "workingDays(5)")]
    [InlineData("<timeDate><![CDATA[date(actionsDueAt)]]></timeDate>", TimerKind.Date, "date(actionsDueAt)")]
    public void A_timer_keeps_its_kind_and_trimmed_value(string timerContent, TimerKind kind, string value)
    {
        var result = Bpmn.Parse(CatchTimer(timerContent));

        var definition = (TimerEventDefinition)ParseAssert.Parsed(result).Get<IntermediateCatchEvent>("C").Definition;
        Assert.Equal(new TimerDefinition(kind, value), definition.Timer);
    }

    [Theory]
    [InlineData("", "the timer has no value")]
    [InlineData("<timeDuration />", "timeDuration is empty")]
    [InlineData("<timeDuration>   </timeDuration>", "timeDuration is empty")]
    [InlineData("<timeDuration>PT1H</timeDuration><timeDate>2026-01-01T00:00:00Z</timeDate>", "more than one of")]
    [InlineData("<timeDuration>P1M</timeDuration>", "months, which have no fixed length")]
    [InlineData("<timeDuration>P1Y</timeDuration>", "years, which have no fixed length")]
    [InlineData("<timeDuration>PT24</timeDuration>", "not valid")]
    [InlineData("<timeDuration>2026-01-01T00:00:00Z</timeDuration>", "must start with P")]
    [InlineData("<timeDate>2026-13-01T00:00:00Z</timeDate>", "not an ISO 8601 date-time")]
    [InlineData("<timeDate>2026-12-01T17:00:00</timeDate>", "has no time zone offset")]
    [InlineData("<timeDate>2026-12-01</timeDate>", "needs a time and an offset")]
    [InlineData("<timeCycle>R3/PT1H</timeCycle>", "a timeCycle means nothing on it")]
    public void A_catch_timer_with_a_missing_or_invalid_value_is_reported(string timerContent, string reason)
    {
        var result = Bpmn.Parse(CatchTimer(timerContent));

        ParseAssert.SingleError(result, "C", "intermediateCatchEvent", reason);
    }

    [Theory]
    [InlineData("R0/PT1H", "repeats zero times")]
    [InlineData("R3/PT0S", "must be longer than zero")]
    [InlineData("R3/P1M", "months")]
    [InlineData("R3/PT1H/2026-01-01T00:00:00Z", "not supported")]
    [InlineData("R3/2026-01-01T00:00:00/PT1H", "no time zone offset")]
    public void A_boundary_timer_cycle_that_is_not_valid_is_reported(string cycle, string reason)
    {
        var result = Bpmn.Parse(WithBoundary($"""<boundaryEvent id="B" attachedToRef="T" cancelActivity="false"><timerEventDefinition><timeCycle>{cycle}</timeCycle></timerEventDefinition></boundaryEvent>"""));

        ParseAssert.SingleError(result, "B", "boundaryEvent", reason);
    }

    [Fact]
    public void An_iso_timer_literal_ignores_the_declared_expression_language()
    {
        // Some modellers stamp every expression with the BPMN default language (XPath).
        var result = Bpmn.Parse(CatchTimer("""<timeDuration language="http://www.w3.org/1999/XPath">PT2H</timeDuration>"""));

        ParseAssert.Parsed(result);
    }

    [Fact]
    public void A_timer_expression_in_another_language_is_reported()
    {
        var result = Bpmn.Parse(CatchTimer("""<timeDuration language="http://www.w3.org/1999/XPath">concat('PT', $h, 'H')</timeDuration>"""));

        ParseAssert.SingleError(result, "C", "intermediateCatchEvent", "this engine evaluates JavaScript only");
    }
}
