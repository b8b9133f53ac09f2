using System.Text.Json.Nodes;
using Workflows.Engine.Execution;
using Workflows.Engine.Model;
using Workflows.Escalations.Actions;

namespace Workflows.Escalations.Tests.Actions;

public sealed class EscalationActionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    private static ActionContext Context(Dictionary<string, string> esc, JsonObject? variables = null) => new(
        "i1", "north-somerset", 1, "esc-1",
        new ServiceTask { Id = "Notify_1", Name = "Tell the Team Manager", Extensions = esc },
        variables ?? new JsonObject { ["childRef"] = "C123", ["rag"] = "AMBER" }, Now, "iro-1");

    [Fact]
    public void Notify_asks_for_a_notification_to_the_recipient_with_the_cc_list()
    {
        var result = new NotifyAction().Execute(Context(new()
        {
            ["action"] = "notify", ["recipientRole"] = "team-manager", ["ccRoles"] = "social-worker, iro",
            ["template"] = "escalation-raised",
        }));
        var effect = Assert.Single(result.SideEffects);
        Assert.Equal("notification", effect.Kind);
        Assert.Equal("team-manager", (string?)effect.Payload["recipientRole"]);
        Assert.Equal(["social-worker", "iro"], effect.Payload["ccRoles"]!.AsArray().Select(n => (string?)n));
        Assert.Equal("esc-1", (string?)effect.Payload["escalationId"]);
    }

    [Fact]
    public void Notify_without_a_recipient_names_the_task_and_the_missing_attribute()
    {
        var e = Assert.Throws<InvalidOperationException>(() =>
            new NotifyAction().Execute(Context(new() { ["action"] = "notify", ["template"] = "x" })));
        Assert.Contains("Notify_1", e.Message);
        Assert.Contains("recipientRole", e.Message);
    }

    [Fact]
    public void Stage_entered_stamps_the_first_formal_escalation_once()
    {
        var first = new StageEnteredAction().Execute(Context(new() { ["stage"] = "1", ["rungTitle"] = "Team Manager" }));
        Assert.Equal("1", (string?)first.Variables![EscalationVariables.CurrentStage]);
        Assert.Equal(Now, first.Variables[EscalationVariables.FirstFormalAt]!.GetValue<DateTimeOffset>());

        var vars = new JsonObject { ["firstFormalAt"] = "2026-11-01T00:00:00+00:00" };
        var second = new StageEnteredAction().Execute(Context(new() { ["stage"] = "2" }, vars));
        Assert.False(second.Variables!.ContainsKey(EscalationVariables.FirstFormalAt));
    }

    [Fact]
    public void The_informal_rung_does_not_start_the_whole_process_clock()
    {
        var result = new StageEnteredAction().Execute(Context(new() { ["stage"] = "0" }));
        Assert.False(result.Variables!.ContainsKey(EscalationVariables.FirstFormalAt));
    }

    [Fact]
    public void Case_note_fills_placeholders_from_the_variables()
    {
        var result = new CaseNoteAction().Execute(Context(new() { ["note"] = "Escalated for {{childRef}} at {{ rag }}" }));
        Assert.Equal("Escalated for C123 at AMBER", (string?)result.SideEffects[0].Payload["note"]);
    }

    [Fact]
    public void Set_reads_json_literals_and_falls_back_to_text()
    {
        Assert.Equal(3, (int)new SetAction().Execute(Context(new() { ["variable"] = "x", ["value"] = "3" })).Variables!["x"]!);
        Assert.Equal("hello", (string?)new SetAction().Execute(Context(new() { ["variable"] = "x", ["value"] = "hello" })).Variables!["x"]);
    }
}
