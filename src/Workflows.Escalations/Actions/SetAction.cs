using System.Text.Json;
using System.Text.Json.Nodes;
using Workflows.Engine.Execution;

namespace Workflows.Escalations.Actions;

/// <summary>
/// <c>set</c>: sets <c>esc:variable</c> to the JSON literal in <c>esc:value</c> (a number, true/false,
/// null or a quoted string; anything else is taken as a plain string). Used to mark a path, e.g. which
/// rung a bypass came from.
/// </summary>
public sealed class SetAction : EscalationAction
{
    public override string Action => "set";

    public override ActionResult Execute(ActionContext context)
    {
        var name = RequiredAttribute(context, "variable");
        var raw = Attribute(context, "value");
        JsonNode? value;
        try { value = raw is null ? null : JsonNode.Parse(raw); }
        catch (JsonException) { value = JsonValue.Create(raw); }
        return new ActionResult(new JsonObject { [name] = value }, []);
    }
}
