using System.Text.Json.Nodes;
using Workflows.Engine.Execution;

namespace Workflows.Engine.Tests.Testing;

/// <summary>A deterministic action handler as the domain writes them: counts its runs in a variable and asks for one side effect.</summary>
internal static class Notify
{
    public static IActionHandler Handler(string action) => new DelegateActionHandler(action, context =>
    {
        var count = context.Variables[$"{Variable(action)}"]?.GetValue<int>() ?? 0;
        var payload = new JsonObject
        {
            ["node"] = context.Node.Id,
            ["template"] = context.Node.Extensions.GetValueOrDefault("template"),
            ["instance"] = context.InstanceId,
        };
        var variables = new JsonObject { [Variable(action)] = count + 1 };
        if (context.Node.Extensions.TryGetValue("stage", out var stage)) variables["stage"] = int.Parse(stage);
        return new ActionResult(variables, [new SideEffect(action == "notify" ? "email" : action, payload)]);
    });

    private static string Variable(string action) => action switch
    {
        "notify" => "notificationsSent",
        "case-note" => "caseNotes",
        _ => action.Replace("-", "", StringComparison.Ordinal) + "Count",
    };
}

internal sealed class DelegateActionHandler(string action, Func<ActionContext, ActionResult> execute) : IActionHandler
{
    public string Action { get; } = action;
    public ActionResult Execute(ActionContext context) => execute(context);
}
