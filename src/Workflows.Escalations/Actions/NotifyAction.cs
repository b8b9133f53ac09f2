using System.Text.Json.Nodes;
using Workflows.Engine.Execution;

namespace Workflows.Escalations.Actions;

/// <summary>
/// <c>notify</c>: asks for a notification to the rung's recipient with its CC list, by template.
/// Recorded as a side effect (the notification request); delivery is the host's outbox dispatcher's job.
/// </summary>
public sealed class NotifyAction : EscalationAction
{
    public const string Kind = "notification";
    public override string Action => "notify";

    public override ActionResult Execute(ActionContext context)
    {
        var payload = Envelope(context);
        payload["template"] = RequiredAttribute(context, "template");
        payload["recipientRole"] = RequiredAttribute(context, "recipientRole");
        payload["ccRoles"] = ToJsonArray(ListAttribute(context, "ccRoles"));
        return new ActionResult(null, [new SideEffect(Kind, payload)]);
    }
}
