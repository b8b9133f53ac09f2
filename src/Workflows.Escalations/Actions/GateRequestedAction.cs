using System.Text.Json.Nodes;
using Workflows.Engine.Execution;

namespace Workflows.Escalations.Actions;

/// <summary>
/// <c>gate-requested</c>: an approval gate (e.g. North Somerset stage 4 needs the QA Team Manager's
/// agreement) must be passed before the next rung. Marks the gate pending and asks the gate's role.
/// </summary>
public sealed class GateRequestedAction : EscalationAction
{
    public const string Kind = "gate-requested";
    public override string Action => "gate-requested";

    public override ActionResult Execute(ActionContext context)
    {
        var gate = RequiredAttribute(context, "gate");
        var payload = Envelope(context);
        payload["gate"] = gate;
        payload["recipientRole"] = Attribute(context, "recipientRole") ?? Attribute(context, "assigneeRole");
        payload["template"] = Attribute(context, "template") ?? "gate-requested";
        return new ActionResult(
            new JsonObject { [EscalationVariables.PendingGate] = gate, [EscalationVariables.GateApproved] = null },
            [new SideEffect(Kind, payload)]);
    }
}
