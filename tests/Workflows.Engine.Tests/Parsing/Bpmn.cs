using Workflows.Engine.Parsing;

namespace Workflows.Engine.Tests.Parsing;

/// <summary>Builds small BPMN documents for rule-by-rule tests and loads the fixture files.</summary>
internal static class Bpmn
{
    public const string Namespaces =
        """xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:esc="urn:iro-escalation-workflows:esc:1" """;

    /// <summary>A <c>definitions</c> document around <paramref name="content"/> (messages, processes…).</summary>
    public static string Definitions(string content) =>
        $"""
         <?xml version="1.0" encoding="UTF-8"?>
         <definitions {Namespaces} id="Defs" targetNamespace="urn:test">
         {content}
         </definitions>
         """;

    /// <summary>One executable process <c>P</c> with <paramref name="body"/>, plus top-level <paramref name="messages"/>.</summary>
    public static string Process(string body, string messages = "") =>
        Definitions($"""
                     {messages}
                     <process id="P" isExecutable="true">
                     {body}
                     </process>
                     """);

    /// <summary>Start → <paramref name="nodes"/> (their own flows) → End: most rules need only the middle.</summary>
    public static string Around(string firstId, string lastId, string nodes, string messages = "") =>
        Process($"""
                 <startEvent id="Start" />
                 <sequenceFlow id="ToFirst" sourceRef="Start" targetRef="{firstId}" />
                 {nodes}
                 <sequenceFlow id="FromLast" sourceRef="{lastId}" targetRef="End" />
                 <endEvent id="End" />
                 """, messages);

    public static string Fixture(string fileName) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Parsing", "Fixtures", fileName));

    public static ParseResult Parse(string xml, BpmnParserOptions? options = null) => BpmnParser.Parse(xml, options);
}
