using System.Text.RegularExpressions;
using Workflows.Engine.Execution;

namespace Workflows.Escalations.Actions;

/// <summary>
/// <c>case-note</c>: a note for the child's record in the case system (sent as a signed webhook by the
/// host). <c>esc:note</c> may use <c>{{variable}}</c> placeholders, filled from the instance variables, and
/// <c>{{variable|text}}</c>, which gives <c>text</c> when the variable is missing or empty.
/// </summary>
public sealed partial class CaseNoteAction : EscalationAction
{
    public const string Kind = "case-note";
    public override string Action => "case-note";

    public override ActionResult Execute(ActionContext context)
    {
        var payload = Envelope(context);
        var template = Attribute(context, "note") ?? context.Node.Name ?? context.Node.Id;
        // {{name}} is the variable's value ("" when missing); {{name|text}} gives the text instead when the variable
        // is missing or empty (e.g. {{currentStage|none}} before any stage is reached).
        payload["note"] = Placeholder().Replace(template, m =>
        {
            var value = context.Variables[m.Groups[1].Value]?.ToString();
            return string.IsNullOrEmpty(value) && m.Groups[2].Success ? m.Groups[2].Value : value ?? "";
        });
        return new ActionResult(null, [new SideEffect(Kind, payload)]);
    }

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_]+)\s*(?:\|([^{}|]*))?\}\}")]
    private static partial Regex Placeholder();
}
