using System.Text.Json.Nodes;
using Workflows.Engine.Execution;

namespace Workflows.Escalations.Actions;

/// <summary>
/// Base of the domain actions a protocol's service tasks call by <c>esc:action</c>. Actions are
/// deterministic and do no I/O (the engine runs them inside a command): they return variables and
/// side effects; delivery happens after commit through the outbox.
/// </summary>
public abstract class EscalationAction : IActionHandler
{
    public abstract string Action { get; }
    public abstract ActionResult Execute(ActionContext context);

    protected static string? Attribute(ActionContext context, string name) =>
        context.Node.Extensions.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    protected static string RequiredAttribute(ActionContext context, string name) =>
        Attribute(context, name) ?? throw new InvalidOperationException(
            $"{context.Node.BpmnType} '{context.Node.Id}' needs the esc:{name} attribute for action '{context.Node.Extensions.GetValueOrDefault("action")}'.");

    protected static IReadOnlyList<string> ListAttribute(ActionContext context, string name) =>
        (Attribute(context, name) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The facts every side effect carries so that a dispatcher needs nothing else to deliver it.</summary>
    protected static JsonObject Envelope(ActionContext context)
    {
        var v = context.Variables;
        return new JsonObject
        {
            ["escalationId"] = context.CorrelationKey,
            ["instanceId"] = context.InstanceId,
            ["protocol"] = context.DefinitionKey,
            ["definitionVersion"] = context.DefinitionVersion,
            ["nodeId"] = context.Node.Id,
            ["nodeName"] = context.Node.Name,
            ["at"] = context.Now,
            ["actor"] = context.Actor,
            ["childRef"] = v["childRef"]?.DeepClone(),
            ["stage"] = v[EscalationVariables.CurrentStage]?.DeepClone(),
            ["rag"] = v["rag"]?.DeepClone(),
        };
    }

    protected static JsonArray ToJsonArray(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)v).ToArray());
}
