using System.Text.RegularExpressions;
using Workflows.Engine.Execution;

namespace Workflows.Escalations.Actions;

/// <summary>
/// <c>case-note</c>: a note for the child's record in the case system (sent as a signed webhook by the
/// host). <c>esc:note</c> may use <c>{{variable}}</c> placeholders, filled from the instance variables.
/// </summary>
public sealed partial class CaseNoteAction : EscalationAction
{
    public const string Kind = "case-note";
    public override string Action => "case-note";

    public override ActionResult Execute(ActionContext context)
    {
        var payload = Envelope(context);
        var template = Attribute(context, "note") ?? context.Node.Name ?? context.Node.Id;
        payload["note"] = Placeholder().Replace(template, m =>
            context.Variables[m.Groups[1].Value]?.ToString() ?? "");
        return new ActionResult(null, [new SideEffect(Kind, payload)]);
    }

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_]+)\s*\}\}")]
    private static partial Regex Placeholder();
}
