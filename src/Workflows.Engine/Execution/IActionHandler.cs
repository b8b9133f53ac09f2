using System.Text.Json.Nodes;
using Workflows.Engine.Model;

namespace Workflows.Engine.Execution;

/// <summary>
/// Runs a service/send task (or throw event) whose <c>esc:action</c> equals <see cref="Action"/>.
/// Handlers run inside the command, so they must be deterministic and do no I/O: they return the
/// variables to set and the side effects to deliver after commit (through the outbox).
/// </summary>
public interface IActionHandler
{
    string Action { get; }
    ActionResult Execute(ActionContext context);
}

/// <param name="Node">The task with its <c>esc:</c> extension attributes.</param>
/// <param name="Variables">A copy of the instance variables: changes are ignored; return them instead.</param>
public sealed record ActionContext(
    string InstanceId,
    string DefinitionKey,
    int DefinitionVersion,
    string? CorrelationKey,
    FlowNode Node,
    JsonObject Variables,
    DateTimeOffset Now,
    string Actor);

/// <param name="Variables">Merged into the instance variables.</param>
/// <param name="SideEffects">Delivered after commit through the outbox.</param>
public sealed record ActionResult(JsonObject? Variables, IReadOnlyList<SideEffect> SideEffects)
{
    public static readonly ActionResult None = new(null, []);
}

/// <summary>A request for the outside world (notification, case note, webhook); <see cref="Kind"/> picks the dispatcher.</summary>
public sealed record SideEffect(string Kind, JsonObject Payload);
