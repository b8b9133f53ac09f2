using Workflows.Engine.Journal;
using Workflows.Engine.Model;

namespace Workflows.Engine.Execution;

internal sealed partial class CommandExecution
{
    /// <summary>
    /// Runs the handler registered for the node's <c>esc:action</c>, recording what it returned
    /// (<see cref="ActionPerformed"/>) and what it asks of the outside world (<see cref="SideEffectRequested"/>,
    /// delivered after commit through the outbox). False when the instance must stay put: no handler
    /// is registered for the action, or the handler threw — both become an incident, not a crash.
    /// A node without an action does nothing and succeeds.
    /// </summary>
    public bool PerformAction(ActivityInstance activity, FlowNode node)
    {
        if (!node.Extensions.TryGetValue("action", out var action) || string.IsNullOrWhiteSpace(action)) return true;
        if (!Services.ActionHandlers.TryGetValue(action, out var handler))
        {
            RaiseIncident(activity, node, $"No handler is registered for action '{action}'.");
            return false;
        }

        ActionResult result;
        try
        {
            result = handler.Execute(new ActionContext(State.InstanceId, State.DefinitionKey, State.DefinitionVersion,
                State.CorrelationKey, node, Copy(State.Variables)!, Now, Actor));
        }
        catch (Exception ex)
        {
            RaiseIncident(activity, node, $"Action '{action}' failed: {ex.Message}");
            return false;
        }

        Emit(new ActionPerformed(activity.Id, node.Id, action, Copy(result.Variables)));
        foreach (var effect in result.SideEffects)
            Emit(new SideEffectRequested(State.TakeId('e'), effect.Kind, node.Id, Copy(effect.Payload)!));
        return true;
    }
}
