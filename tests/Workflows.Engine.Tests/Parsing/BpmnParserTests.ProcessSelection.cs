using Workflows.Engine.Parsing;

namespace Workflows.Engine.Tests.Parsing;

/// <summary>Which process of a file is run.</summary>
public sealed partial class BpmnParserTests
{
    private static string ProcessNamed(string id, string isExecutable) => $"""
        <process id="{id}" {isExecutable}>
          <startEvent id="{id}_Start" />
          <sequenceFlow id="{id}_Flow" sourceRef="{id}_Start" targetRef="{id}_End" />
          <endEvent id="{id}_End" />
        </process>
        """;

    [Fact]
    public void The_single_executable_process_is_taken_and_documentation_only_processes_are_skipped()
    {
        var xml = Bpmn.Definitions(ProcessNamed("Draft", """isExecutable="false" """) + ProcessNamed("Live", """isExecutable="true" """));

        Assert.Equal("Live", ParseAssert.Parsed(Bpmn.Parse(xml)).Id);
    }

    [Fact]
    public void A_single_process_without_is_executable_is_taken()
    {
        var xml = Bpmn.Definitions(ProcessNamed("Draft", """isExecutable="false" """) + ProcessNamed("Unmarked", ""));

        Assert.Equal("Unmarked", ParseAssert.Parsed(Bpmn.Parse(xml)).Id);
    }

    [Fact]
    public void Several_executable_processes_need_a_process_id()
    {
        var xml = Bpmn.Definitions(ProcessNamed("A", """isExecutable="true" """) + ProcessNamed("B", """isExecutable="true" """));

        var error = DocumentError(Bpmn.Parse(xml));

        Assert.Contains("2 executable processes ('A', 'B'): choose one with the ProcessId option", error.Message);
        Assert.Equal("B", ParseAssert.Parsed(Bpmn.Parse(xml, new BpmnParserOptions { ProcessId = "B" })).Id);
    }

    [Fact]
    public void A_file_whose_processes_are_all_non_executable_is_refused_unless_one_is_named()
    {
        var xml = Bpmn.Definitions(ProcessNamed("Draft", """isExecutable="false" """));

        Assert.Contains("no process is executable", DocumentError(Bpmn.Parse(xml)).Message);
        Assert.Equal("Draft", ParseAssert.Parsed(Bpmn.Parse(xml, new BpmnParserOptions { ProcessId = "Draft" })).Id);
    }

    [Fact]
    public void A_process_id_that_is_not_in_the_file_is_reported_with_the_ids_that_are()
    {
        var xml = Bpmn.Definitions(ProcessNamed("A", """isExecutable="true" """));

        var result = Bpmn.Parse(xml, new BpmnParserOptions { ProcessId = "Z" });

        ParseAssert.SingleError(result, "Z", "process", "the file has no process 'Z'; its processes are 'A'");
    }

    [Fact]
    public void A_file_without_a_process_is_refused()
    {
        var xml = Bpmn.Definitions("""<message id="M" />""");

        Assert.Contains("has no process", DocumentError(Bpmn.Parse(xml)).Message);
    }

    [Fact]
    public void Pools_are_ignored_and_the_process_they_point_at_is_read()
    {
        var xml = Bpmn.Definitions("""
            <collaboration id="C">
              <participant id="Pool" processRef="Live" />
              <participant id="Other" />
              <messageFlow id="MF" sourceRef="Other" targetRef="Live_Start" />
            </collaboration>
            """ + ProcessNamed("Live", """isExecutable="true" """));

        Assert.Equal("Live", ParseAssert.Parsed(Bpmn.Parse(xml)).Id);
    }
}
