using Workflows.Engine.Parsing;

namespace Workflows.Engine.Tests.Parsing;

/// <summary>Conditions and timer expressions are JavaScript, checked by the host's hook when one is given.</summary>
public sealed partial class BpmnParserTests
{
    /// <summary>Stands in for the interpreter's Jint checker: refuses anything containing "${" (JUEL) or "=>".</summary>
    private static readonly BpmnParserOptions StrictSyntax = new()
    {
        IsExpressionValid = text => text.Contains("${") || text.Contains("=>") ? $"Unexpected token in '{text}'" : null,
    };

    private static string Choice(string conditionElement) => Bpmn.Process($"""
        <startEvent id="Start" />
        <sequenceFlow id="In" sourceRef="Start" targetRef="G" />
        <exclusiveGateway id="G" default="Otherwise" />
        <sequenceFlow id="IfRed" sourceRef="G" targetRef="End">{conditionElement}</sequenceFlow>
        <sequenceFlow id="Otherwise" sourceRef="G" targetRef="End" />
        <endEvent id="End" />
        """);

    [Fact]
    public void A_condition_the_hook_refuses_is_reported_with_the_hooks_reason()
    {
        var result = Bpmn.Parse(Choice("<conditionExpression>${approved}</conditionExpression>"), StrictSyntax);

        ParseAssert.SingleError(result, "IfRed", "sequenceFlow", "Unexpected token in '${approved}'");
    }

    [Fact]
    public void Without_a_hook_a_condition_is_taken_on_trust()
    {
        var result = Bpmn.Parse(Choice("<conditionExpression>${approved}</conditionExpression>"));

        Assert.Equal("${approved}", ParseAssert.Parsed(result).Flows["IfRed"].Condition);
    }

    [Fact]
    public void The_hook_sees_each_condition_and_timer_expression_but_not_iso_literals()
    {
        var seen = new List<string>();
        var options = new BpmnParserOptions { IsExpressionValid = text => { seen.Add(text); return null; } };

        ParseAssert.Parsed(Bpmn.Parse(Choice("<conditionExpression>rag === 'RED'</conditionExpression>"), options));
        ParseAssert.Parsed(Bpmn.Parse(CatchTimer("<timeDuration>workingDays(5)</timeDuration>"), options));
        ParseAssert.Parsed(Bpmn.Parse(CatchTimer("<timeDuration>P5D</timeDuration>"), options));

        Assert.Equal(["rag === 'RED'", "workingDays(5)"], seen);
    }

    [Fact]
    public void A_timer_expression_the_hook_refuses_is_reported()
    {
        var result = Bpmn.Parse(CatchTimer("<timeDuration>x => 1</timeDuration>"), StrictSyntax);

        ParseAssert.SingleError(result, "C", "intermediateCatchEvent", "neither an ISO 8601 value nor a valid JavaScript expression");
    }

    [Fact]
    public void A_hook_that_throws_becomes_an_error_not_an_exception()
    {
        var options = new BpmnParserOptions { IsExpressionValid = _ => throw new InvalidOperationException("checker broke") };

        var result = Bpmn.Parse(Choice("<conditionExpression>rag === 'RED'</conditionExpression>"), options);

        ParseAssert.SingleError(result, "IfRed", "sequenceFlow", "checker broke");
    }

    [Theory]
    [InlineData("""<conditionExpression language="https://www.omg.org/spec/DMN/20191111/FEEL/">rag = "RED"</conditionExpression>""", "language 'https://www.omg.org/spec/DMN/20191111/FEEL/'")]
    [InlineData("""<conditionExpression language="http://www.w3.org/1999/XPath">true</conditionExpression>""", "this engine evaluates JavaScript only")]
    [InlineData("""<conditionExpression xsi:type="tExpression">when it is red</conditionExpression>""", "only tFormalExpression")]
    [InlineData("""<conditionExpression xsi:type="tFormalExpression"></conditionExpression>""", "the condition is empty")]
    public void A_condition_that_is_not_a_javascript_formal_expression_is_reported(string conditionElement, string reason)
    {
        var result = Bpmn.Parse(Choice(conditionElement), StrictSyntax);

        ParseAssert.SingleError(result, "IfRed", "sequenceFlow", reason);
    }

    [Theory]
    [InlineData("javascript")]
    [InlineData("text/javascript")]
    [InlineData("application/ecmascript")]
    [InlineData("JS")]
    public void A_condition_declared_as_javascript_is_accepted(string language)
    {
        var result = Bpmn.Parse(Choice($"""<conditionExpression xsi:type="bpmn:tFormalExpression" xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" language="{language}">rag === 'RED'</conditionExpression>"""));

        ParseAssert.Parsed(result);
    }

    [Fact]
    public void A_refused_condition_does_not_also_make_the_flow_unconditional()
    {
        var result = Bpmn.Parse(Bpmn.Process("""
            <startEvent id="Start" />
            <sequenceFlow id="In" sourceRef="Start" targetRef="G" />
            <exclusiveGateway id="G" />
            <sequenceFlow id="A" sourceRef="G" targetRef="End"><conditionExpression language="FEEL">x</conditionExpression></sequenceFlow>
            <sequenceFlow id="B" sourceRef="G" targetRef="End"><conditionExpression>!x</conditionExpression></sequenceFlow>
            <endEvent id="End" />
            """));

        ParseAssert.SingleError(result, "A", "sequenceFlow", "language 'FEEL'");
    }
}
