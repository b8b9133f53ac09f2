using System.Text.Json.Nodes;
using Workflows.Engine.Execution;

namespace Workflows.Escalations.Actions;

/// <summary>
/// <c>stage-entered</c>: the escalation reached a rung. Records the stage, its title and when, keeps the
/// list of stages reached (the protocols record "the stage reached"), and stamps the first formal
/// escalation — the start of the 20-working-day whole-process limit where a protocol sets one.
/// </summary>
public sealed class StageEnteredAction : EscalationAction
{
    public const string Kind = "stage-entered";
    public override string Action => "stage-entered";

    public override ActionResult Execute(ActionContext context)
    {
        var stage = RequiredAttribute(context, "stage");
        var title = Attribute(context, "rungTitle") ?? context.Node.Name ?? stage;
        var reached = context.Variables[EscalationVariables.StagesReached] as JsonArray ?? [];
        var stagesReached = (JsonArray)reached.DeepClone();
        stagesReached.Add(new JsonObject { ["stage"] = stage, ["title"] = title, ["at"] = context.Now });

        var variables = new JsonObject
        {
            [EscalationVariables.CurrentStage] = stage,
            [EscalationVariables.CurrentRungTitle] = title,
            [EscalationVariables.StageEnteredAt] = context.Now,
            [EscalationVariables.StagesReached] = stagesReached,
        };
        if (IsFormal(stage) && context.Variables[EscalationVariables.FirstFormalAt] is null)
            variables[EscalationVariables.FirstFormalAt] = context.Now;

        var payload = Envelope(context);
        payload["stage"] = stage;
        payload["title"] = title;
        return new ActionResult(variables, [new SideEffect(Kind, payload)]);
    }

    /// <summary>Stage 0 is the informal rung; every numbered stage above it, and Cafcass, is formal.</summary>
    public static bool IsFormal(string stage) => !int.TryParse(stage, out var n) || n >= 1;
}
