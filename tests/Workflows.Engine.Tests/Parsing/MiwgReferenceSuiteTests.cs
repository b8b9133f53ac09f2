using System.Xml.Linq;
using Workflows.Engine.Model;
using Workflows.Engine.Parsing;
using Xunit.Abstractions;

namespace Workflows.Engine.Tests.Parsing;

/// <summary>
/// The 21 reference files of the OMG BPMN Model Interchange Working Group (Miwg/README.md): real
/// files written by other tools. Each must give a definition or errors a modeller can act on.
/// </summary>
public sealed class MiwgReferenceSuiteTests(ITestOutputHelper output)
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Parsing", "Miwg");

    /// <summary>Every name an error may carry as its element type: BPMN elements the parser reads or refuses.</summary>
    private static readonly HashSet<string> KnownTypes =
    [
        "definitions", "process", "lane", "laneSet", "sequenceFlow", "subProcess", "transaction", "adHocSubProcess",
        "task", "userTask", "manualTask", "scriptTask", "serviceTask", "sendTask", "receiveTask", "businessRuleTask",
        "callActivity", "startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent",
        "exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway", "complexGateway",
    ];

    public static TheoryData<string> Files() => new(Directory.GetFiles(Folder, "*.bpmn").Select(Path.GetFileName).Order()!);

    private static string Read(string file) => File.ReadAllText(Path.Combine(Folder, file));

    private static IReadOnlyList<string> ProcessIds(string xml) =>
        XDocument.Parse(xml).Root!.Elements().Where(e => e.Name.LocalName == "process")
            .Select(e => (string)e.Attribute("id")!).ToList();

    [Fact]
    public void The_suite_holds_all_21_reference_files()
    {
        Assert.Equal(21, Files().Count);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_process_of_every_file_yields_a_definition_or_errors_naming_id_type_and_reason(string file)
    {
        var xml = Read(file);
        var options = new[] { new BpmnParserOptions() }
            .Concat(ProcessIds(xml).Select(id => new BpmnParserOptions { ProcessId = id }));

        foreach (var option in options)
        {
            var result = BpmnParser.Parse(xml, option);

            Assert.True(result.IsValid ^ result.Errors.Count > 0, $"{file}: a definition and errors, or neither");
            foreach (var error in result.Errors)
            {
                Assert.Contains(error.ElementType, KnownTypes);
                Assert.False(string.IsNullOrWhiteSpace(error.Message), $"{file}: {error} has no reason");
                if (error.ElementType == "definitions") continue; // the document as a whole
                Assert.False(string.IsNullOrWhiteSpace(error.ElementId), $"{file}: {error} names no element");
                Assert.Contains($"id=\"{error.ElementId}\"", xml);
            }
        }
    }

    /// <summary>
    /// Outcome of each file with default options (the executable process): "parsed" or the error
    /// count. The A and B files (and C.2.0, C.8.0) mark every process isExecutable="false"; C.4.0 and
    /// C.5.0 hold several unmarked processes, so a ProcessId must choose.
    /// </summary>
    [Fact]
    public void Default_outcomes_match_the_record()
    {
        var expected = new Dictionary<string, string>
        {
            ["A.1.0.bpmn"] = "1 error", ["A.2.0.bpmn"] = "1 error", ["A.2.1.bpmn"] = "1 error",
            ["A.3.0.bpmn"] = "1 error", ["A.4.0.bpmn"] = "1 error", ["A.4.1.bpmn"] = "1 error",
            ["B.1.0.bpmn"] = "1 error", ["B.2.0.bpmn"] = "1 error",
            ["C.1.0.bpmn"] = "parsed", ["C.1.1.bpmn"] = "parsed", ["C.2.0.bpmn"] = "1 error",
            ["C.3.0.bpmn"] = "7 errors", ["C.4.0.bpmn"] = "1 error", ["C.5.0.bpmn"] = "1 error",
            ["C.6.0.bpmn"] = "15 errors", ["C.7.0.bpmn"] = "4 errors", ["C.8.0.bpmn"] = "1 error",
            ["C.8.1.bpmn"] = "5 errors", ["C.9.0.bpmn"] = "7 errors", ["C.9.1.bpmn"] = "parsed",
            ["C.9.2.bpmn"] = "3 errors",
        };

        var actual = new Dictionary<string, string>();
        foreach (var file in Files())
        {
            var xml = Read(file);
            var result = BpmnParser.Parse(xml);
            actual[file] = result.IsValid ? "parsed" : result.Errors.Count == 1 ? "1 error" : $"{result.Errors.Count} errors";
            output.WriteLine($"{file}: {actual[file]}{(result.IsValid ? "" : " — first: " + result.Errors[0])}");
            foreach (var id in ProcessIds(xml))
            {
                var each = BpmnParser.Parse(xml, new BpmnParserOptions { ProcessId = id });
                output.WriteLine($"    process {id}: {(each.IsValid ? "parsed" : $"{each.Errors.Count} errors — first: {each.Errors[0]}")}");
            }
        }

        Assert.Equal(expected.OrderBy(p => p.Key), actual.OrderBy(p => p.Key));
    }

    [Fact]
    public void C_9_1_reads_its_seven_day_and_daily_boundary_timers()
    {
        var d = ParseAssert.Parsed(BpmnParser.Parse(Read("C.9.1.bpmn")));

        var week = d.Get<BoundaryEvent>("BoundaryEvent_2");
        Assert.Equal("ReceiveTask_WaitForDocument", week.AttachedToId);
        Assert.True(week.CancelActivity);
        var weekTimer = ((TimerEventDefinition)week.Definition).Timer;
        Assert.Equal(new TimerDefinition(TimerKind.Duration, "P7D"), weekTimer);
        Assert.True(Iso8601Timer.TryParseDuration(weekTimer.Value, out var sevenDays));
        Assert.Equal(TimeSpan.FromDays(7), sevenDays);

        var daily = d.Get<BoundaryEvent>("BoundaryEvent_1");
        Assert.False(daily.CancelActivity);
        Assert.True(Iso8601Timer.TryParseCycle(((TimerEventDefinition)daily.Definition).Timer.Value, out var cycle));
        Assert.Equal(new Iso8601Cycle(6, null, TimeSpan.FromDays(1)), cycle);

        Assert.Equal("MESSAGE_documentReceived", d.Get<ReceiveTask>("ReceiveTask_WaitForDocument").MessageName);
        Assert.Equal(["BoundaryEvent_1", "BoundaryEvent_2"], d.BoundaryEventsOf("ReceiveTask_WaitForDocument").Select(b => b.Id).Order());
        Assert.Equal("sendTask", d.Nodes["SendTask_RequestDocument"].BpmnType);
    }

    [Fact]
    public void C_1_0_takes_the_executable_pool_and_keeps_its_lanes_and_conditions()
    {
        var d = ParseAssert.Parsed(BpmnParser.Parse(Read("C.1.0.bpmn")));

        Assert.Equal("bpmn-miwg-test-case-c.1.0", d.Id);
        Assert.NotEmpty(d.Lanes);
        Assert.All(d.Lanes.SelectMany(l => l.FlowNodeIds), id => Assert.Contains(id, d.Nodes.Keys));
        Assert.Contains(d.Flows.Values, f => f.Condition is not null);
        Assert.Contains(d.Nodes.Values, n => n.Lane is not null);
    }

    [Fact]
    public void A_1_0_refuses_each_plain_task_when_its_documentation_only_process_is_named()
    {
        var xml = Read("A.1.0.bpmn");

        var byDefault = BpmnParser.Parse(xml);
        var named = BpmnParser.Parse(xml, new BpmnParserOptions { ProcessId = "WFP-6-" });

        Assert.Contains("no process is executable", Assert.Single(byDefault.Errors).Message);
        Assert.Equal(3, named.Errors.Count);
        Assert.All(named.Errors, e =>
        {
            Assert.Equal("task", e.ElementType);
            Assert.Contains("the engine runs only typed tasks", e.Message);
        });
    }

    [Theory]
    [InlineData("C.1.0.bpmn", "the condition '${approved}' is not a valid JavaScript expression")]
    [InlineData("C.1.1.bpmn", "the condition 'bpmn:getDataObject('approved')' is not a valid JavaScript expression")]
    public void Conditions_written_for_other_engines_fail_a_javascript_syntax_check(string file, string reason)
    {
        var options = new BpmnParserOptions { IsExpressionValid = JavaScriptSyntax.Check };

        var result = BpmnParser.Parse(Read(file), options);

        Assert.Null(result.Definition);
        Assert.Contains(result.Errors, e => e.Message.Contains(reason));
        Assert.All(result.Errors, e => Assert.Equal("sequenceFlow", e.ElementType));
    }
}
