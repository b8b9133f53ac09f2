using System.Text.Json.Nodes;
using Workflows.Engine.Execution;

namespace Workflows.Escalations.Actions;

/// <summary>
/// Actions that record a milestone for the child's record and the tracker: <c>outcome-recorded</c>
/// (outcome, impact on lived experience, learning), <c>themed-concern</c> and <c>cafcass-referred</c>.
/// Each copies the variables that matter into its side effect and stamps when it happened.
/// </summary>
public sealed class RecordedAction(string action, string stampVariable, params string[] copied) : EscalationAction
{
    public override string Action => action;

    public static IEnumerable<RecordedAction> All() =>
    [
        new("outcome-recorded", EscalationVariables.ResolvedAt, EscalationVariables.Outcome,
            EscalationVariables.ImpactOnLivedExperience, EscalationVariables.Learning),
        new("themed-concern", "themedConcernRaisedAt", "theme"),
        new("cafcass-referred", EscalationVariables.CafcassReferredAt, "cafcassReason"),
    ];

    public override ActionResult Execute(ActionContext context)
    {
        var payload = Envelope(context);
        foreach (var name in copied) payload[name] = context.Variables[name]?.DeepClone();
        payload["recipientRole"] = Attribute(context, "recipientRole");
        payload["ccRoles"] = ToJsonArray(ListAttribute(context, "ccRoles"));
        return new ActionResult(new JsonObject { [stampVariable] = context.Now },
            [new SideEffect(action, payload)]);
    }
}
