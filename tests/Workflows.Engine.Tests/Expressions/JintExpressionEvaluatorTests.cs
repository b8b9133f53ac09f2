using System.Text.Json.Nodes;
using Workflows.Engine.Expressions;
using Workflows.Engine.Model;
using Workflows.Engine.Tests.Testing;

namespace Workflows.Engine.Tests.Expressions;

public sealed class JintExpressionEvaluatorTests
{
    private static readonly DateTimeOffset Now = EngineHarness.T0;
    private readonly JintExpressionEvaluator evaluator = new([DelegateHostFunction.WorkingDays]);

    private static ExpressionScope Scope(object? variables = null) => new(EngineHarness.Vars(variables), Now, "protocol-a");

    [Theory]
    [InlineData("decision === 'escalate'", true)]
    [InlineData("rag !== 'RED' && contacts.manager.email.endsWith('.gov.uk')", true)]
    [InlineData("concerns.length > 2", false)]
    [InlineData("variables['first-name'] === 'Sam'", true)]
    [InlineData("${startRung == 2}", true)]           // Camunda-style wrapper
    [InlineData("typeof bypassTo === 'undefined'", true)]
    [InlineData("variables.bypassTo", false)]         // unset, read safely: undefined is falsy
    public void Conditions_see_the_variables_as_JavaScript_values(string condition, bool expected)
    {
        var scope = Scope(new Dictionary<string, object>
        {
            ["decision"] = "escalate", ["rag"] = "AMBER", ["startRung"] = 2, ["first-name"] = "Sam",
            ["concerns"] = new[] { "plan", "contact" },
            ["contacts"] = new { manager = new { email = "tm@council.gov.uk" } },
        });
        Assert.Equal(expected, evaluator.EvaluateCondition(condition, scope));
    }

    [Fact]
    public void An_undefined_variable_is_an_error_with_a_plain_message()
    {
        var ex = Assert.Throws<ExpressionException>(() => evaluator.EvaluateCondition("decision === 'resolve'", Scope()));
        Assert.Equal("'decision === 'resolve'' failed: decision is not defined", ex.Message);
        Assert.Equal("decision === 'resolve'", ex.Expression);
    }

    [Fact]
    public void Syntax_is_checked_for_the_parser_without_running_anything()
    {
        Assert.Null(evaluator.CheckSyntax("a === 1 && b.c"));
        Assert.Null(evaluator.CheckSyntax("while (true) {}"));
        Assert.Contains("is not valid JavaScript", evaluator.CheckSyntax("a ==="));
        Assert.Equal("The expression is empty.", evaluator.CheckSyntax("  "));
        Assert.Throws<ExpressionException>(() => evaluator.EvaluateCondition("a ===", Scope()));
    }

    [Theory]
    [InlineData(TimerKind.Duration, "PT24H", "2026-03-03T09:00:00Z")]
    [InlineData(TimerKind.Duration, "P5D", "2026-03-07T09:00:00Z")]
    [InlineData(TimerKind.Date, "2026-12-01T17:00:00Z", "2026-12-01T17:00:00Z")]
    [InlineData(TimerKind.Duration, "rag === 'RED' ? 'PT24H' : 'P5D'", "2026-03-03T09:00:00Z")]
    [InlineData(TimerKind.Date, "actionsDueAt", "2026-04-01T16:00:00Z")]
    [InlineData(TimerKind.Date, "new Date('2026-05-01T08:30:00Z')", "2026-05-01T08:30:00Z")]
    [InlineData(TimerKind.Date, "workingDays(5)", "2026-03-09T17:00:00Z")]
    [InlineData(TimerKind.Date, "new Date(Date.now() + 60 * 60 * 1000)", "2026-03-02T10:00:00Z")] // Date.now() is the command's instant
    public void Timer_values_are_ISO_literals_or_expressions_giving_a_duration_an_instant_or_a_Date(TimerKind kind, string value, string due)
    {
        var result = evaluator.EvaluateTimerDue(new TimerDefinition(kind, value),
            Scope(new { rag = "RED", actionsDueAt = "2026-04-01T17:00:00+01:00" }), out var repeats, out var interval);
        Assert.Equal(DateTimeOffset.Parse(due), result);
        Assert.Null(repeats);
        Assert.Null(interval);
    }

    [Theory]
    [InlineData("R3/PT1H", 3, "2026-03-02T10:00:00Z")]
    [InlineData("R/PT1H", null, "2026-03-02T10:00:00Z")]
    [InlineData("R2/2026-03-05T09:00:00Z/PT1H", 2, "2026-03-05T09:00:00Z")]
    [InlineData("'R3/' + 'PT1H'", 3, "2026-03-02T10:00:00Z")]
    public void Timer_cycles_give_the_first_due_instant_the_repetitions_and_the_interval(string value, int? expectedRepeats, string due)
    {
        var result = evaluator.EvaluateTimerDue(new TimerDefinition(TimerKind.Cycle, value), Scope(), out var repeats, out var interval);
        Assert.Equal(DateTimeOffset.Parse(due), result);
        Assert.Equal(expectedRepeats, repeats);
        Assert.Equal(TimeSpan.FromHours(1), interval);
    }

    [Fact]
    public void Host_functions_get_the_command_instant_the_process_key_the_variables_and_converted_arguments()
    {
        HostFunctionContext? seen = null;
        IReadOnlyList<object?>? arguments = null;
        var spy = new DelegateHostFunction("spy", (context, args) =>
        {
            (seen, arguments) = (context, args);
            return TimeSpan.FromHours(2);
        });
        var due = new JintExpressionEvaluator([spy]).EvaluateTimerDue(
            new TimerDefinition(TimerKind.Duration, "spy(3, 'RED', true, new Date('2026-01-01T00:00:00Z'), { a: [1] }, null)"),
            Scope(new { rag = "AMBER", stage = 2 }), out _, out _);

        Assert.Equal(Now.AddHours(2), due);   // a TimeSpan result is a duration from now
        Assert.NotNull(seen);
        Assert.Equal((Now, "protocol-a"), (seen.Now, seen.DefinitionKey));
        Assert.Equal("AMBER", seen.Variables["rag"]);
        Assert.Equal(2.0, seen.Variables["stage"]);
        Assert.Equal(3.0, arguments![0]);
        Assert.Equal("RED", arguments[1]);
        Assert.Equal(true, arguments[2]);
        Assert.Equal(DateTimeOffset.Parse("2026-01-01T00:00:00Z"), arguments[3]);
        Assert.Equal("""{"a":[1]}""", Assert.IsAssignableFrom<JsonNode>(arguments[4]).ToJsonString());
        Assert.Null(arguments[5]);
    }

    [Fact]
    public void A_host_function_that_throws_becomes_an_expression_error()
    {
        var broken = new DelegateHostFunction("workingDays", (_, _) => throw new InvalidOperationException("no calendar for 2031"));
        var ex = Assert.Throws<ExpressionException>(() => new JintExpressionEvaluator([broken])
            .EvaluateTimerDue(new TimerDefinition(TimerKind.Date, "workingDays(5)"), Scope(), out _, out _));
        Assert.Contains("Host function workingDays() failed", ex.Message);
        Assert.Contains("no calendar for 2031", ex.Message);
    }

    [Theory]
    [InlineData(TimerKind.Duration, "42", "not an ISO 8601 duration")]
    [InlineData(TimerKind.Duration, "'soon'", "'soon'")]
    [InlineData(TimerKind.Duration, "P1M", "months")]
    [InlineData(TimerKind.Date, "'2026-12-01T17:00:00'", "no time zone offset")]
    public void A_timer_value_that_is_not_a_time_is_an_error(TimerKind kind, string value, string reason)
    {
        var ex = Assert.Throws<ExpressionException>(() => evaluator.EvaluateTimerDue(new TimerDefinition(kind, value), Scope(), out _, out _));
        Assert.Contains(reason, ex.Message);
    }

    [Theory]
    [InlineData("(() => { while (true) {} })()", "was stopped")]
    [InlineData("(() => { let s = 'x'; while (true) { s = s + s; } })()", "allocated more than")]
    [InlineData("(function f() { return f(); })()", "recursed deeper than")]
    [InlineData("System.IO.File.Exists('/etc/passwd')", "System is not defined")]
    [InlineData("importNamespace('System.IO')", "importNamespace is not defined")]
    [InlineData("eval('1 + 1')", "failed")]
    [InlineData("Function('return this')()", "failed")]
    [InlineData("Math.random() < 2", "Math.random() is not available")]
    public void The_sandbox_stops_loops_allocation_recursion_CLR_access_and_non_determinism(string expression, string reason)
    {
        var ex = Assert.Throws<ExpressionException>(() => evaluator.EvaluateCondition(expression, Scope()));
        Assert.Contains(reason, ex.Message);
    }

    [Fact]
    public void No_CLR_type_is_reachable_from_a_script()
    {
        Assert.True(evaluator.EvaluateCondition(
            "typeof System === 'undefined' && typeof importNamespace === 'undefined' && typeof clr === 'undefined'", Scope()));
        // A host function's result crosses as a plain value, never as a wrapped CLR object.
        Assert.True(evaluator.EvaluateCondition("workingDays(1) instanceof Date && typeof workingDays(1).GetType === 'undefined'", Scope()));
    }

    [Fact]
    public void Evaluate_returns_the_value_as_JSON()
    {
        var value = evaluator.Evaluate("({ due: workingDays(1), rung: startRung + 1, tags: ['a'] })", Scope(new { startRung = 1 }));
        Assert.Equal("""{"due":"2026-03-03T17:00:00.000Z","rung":2,"tags":["a"]}""", value!.ToJsonString());
        Assert.Null(evaluator.Evaluate("undefined", Scope()));
    }

    [Fact]
    public void One_evaluator_serves_many_threads_from_one_compiled_script()
    {
        var results = new bool[200];
        Parallel.For(0, results.Length, i => results[i] = evaluator.EvaluateCondition("n % 2 === 0", Scope(new { n = i })));
        Assert.All(Enumerable.Range(0, results.Length), i => Assert.Equal(i % 2 == 0, results[i]));
    }
}
