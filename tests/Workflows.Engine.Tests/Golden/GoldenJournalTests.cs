using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflows.Engine.Execution;
using Workflows.Engine.Expressions;
using Workflows.Engine.Journal;
using Workflows.Engine.Runtime;
using Workflows.Engine.Tests.Testing;

namespace Workflows.Engine.Tests.Golden;

/// <summary>
/// A recorded journal, committed as JSON (<c>escalation-rung.journal.json</c>). If the engine ever stops
/// replaying it to the recorded state, or records the same scenario differently, these tests fail: a change
/// to events, Apply, hashing, serialization or interpreter behaviour must be deliberate. To re-record after
/// such a deliberate change, run with <c>UPDATE_GOLDEN=1</c> and review the diff.
/// </summary>
public sealed class GoldenJournalTests
{
    private const string InstanceId = "0195f3a0-0000-7000-8000-000000000001";
    private static readonly JsonSerializerOptions FileOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // a readable file; never embedded in HTML
    };

    [Fact]
    public void The_golden_journal_verifies_and_replays_to_the_recorded_state()
    {
        var golden = Load();

        Assert.Equal(VerificationResult.Valid, JournalVerifier.Verify(golden.Journal));
        var replayed = JournalReplayer.Replay(golden.Journal);
        Assert.True(JsonNode.DeepEquals(golden.State, JsonNode.Parse(InstanceStateSerializer.Serialize(replayed))),
            "Replaying the golden journal no longer gives the recorded state.");
        Assert.Equal(InstanceStatus.Completed, replayed.Status);
    }

    [Fact]
    public void Recording_the_golden_scenario_again_gives_the_same_journal()
    {
        var (journal, state) = Record();

        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            var file = new JsonObject
            {
                ["scenario"] = "escalation-rung.bpmn: raised, one reminder, response with actions agreed, actions met",
                ["journal"] = JsonSerializer.SerializeToNode(journal, FileOptions),
                ["state"] = JsonNode.Parse(InstanceStateSerializer.Serialize(state)),
            };
            File.WriteAllText(SourcePath(), file.ToJsonString(FileOptions) + "\n");
        }

        var golden = Load();
        Assert.Equal(golden.Journal.Count, journal.Count);
        for (var i = 0; i < journal.Count; i++) Assert.Equal(golden.Journal[i], journal[i]);
        Assert.True(JsonNode.DeepEquals(golden.State, JsonNode.Parse(InstanceStateSerializer.Serialize(state))),
            "The golden scenario no longer ends in the recorded state.");
    }

    /// <summary>The scenario, run on the interpreter directly with fixed ids and instants.</summary>
    private static (List<JournalEntry> Journal, InstanceState State) Record()
    {
        var xml = File.ReadAllText(EngineHarness.FixturePath("Golden/escalation-rung.bpmn"));
        var definition = global::Workflows.Engine.Parsing.BpmnParser.Parse(xml).Definition!;
        var interpreter = new Interpreter(definition, InterpreterServices.Create(new JintExpressionEvaluator(), [Notify.Handler("notify")]));
        var state = new InstanceState();
        var journal = new List<JournalEntry>();
        var t0 = EngineHarness.T0;

        void Run(WorkflowCommand command, DateTimeOffset at) =>
            journal.AddRange(JournalWriter.Append(state, interpreter.Execute(state, command, at, InstanceId), command.Actor, at));

        Run(new StartInstance("escalation-rung", 1, "esc-42", new JsonObject { ["childRef"] = "C-42", ["rag"] = "AMBER" }, null, "case-system"), t0);
        Run(new FireTimer(InstanceId, state.Timers.Values.Single(t => t.NodeId == "Reminder").TimerId), t0.AddHours(24));
        Run(new CompleteUserTask(InstanceId, "Respond", new JsonObject { ["decision"] = "actions-agreed", ["actionsDueAt"] = "2026-03-20T17:00:00Z" }, "team.manager@example.gov.uk"), t0.AddHours(30));
        Run(new CorrelateMessage("actions-met", "esc-42", new JsonObject { ["confirmedBy"] = "IRO" }, "iro@example.gov.uk"), t0.AddDays(15));
        return (journal, state);
    }

    private static (List<JournalEntry> Journal, JsonNode State) Load()
    {
        var file = JsonNode.Parse(File.ReadAllText(SourcePath()))!;
        return (file["journal"].Deserialize<List<JournalEntry>>(FileOptions)!, file["state"]!);
    }

    private static string SourcePath([CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "escalation-rung.journal.json");
}
