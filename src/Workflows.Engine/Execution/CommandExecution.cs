using System.Text.Json.Nodes;
using Workflows.Engine.Execution.Behaviours;
using Workflows.Engine.Expressions;
using Workflows.Engine.Journal;
using Workflows.Engine.Model;

namespace Workflows.Engine.Execution;

/// <summary>
/// One command's run: a queue of token arrivals worked until the instance comes to rest, every change
/// made by emitting an event that is applied to the state at once — so the state and the events can
/// never disagree, and replaying the events rebuilds the state. The behaviours (one per BPMN element)
/// call the small set of moves here; nothing here reads a clock, does I/O or makes up an id.
/// </summary>
internal sealed partial class CommandExecution(
    ProcessDefinition definition, InterpreterServices services, InstanceState state, DateTimeOffset now, string actor)
{
    private readonly Queue<Arrival> agenda = new();
    private readonly List<WorkflowEvent> events = [];
    private int steps;

    public ProcessDefinition Definition { get; } = definition;
    public InterpreterServices Services { get; } = services;
    public InstanceState State { get; } = state;
    public DateTimeOffset Now { get; } = now;
    public string Actor { get; } = actor;
    public IReadOnlyList<WorkflowEvent> Events => events;
    public bool IsRunning => State.Status == InstanceStatus.Running;
    public ExpressionScope Scope => new(State.Variables, Now, State.DefinitionKey);

    public void Emit(WorkflowEvent e)
    {
        State.Apply(e, Now);
        events.Add(e);
    }

    /// <summary>A token will arrive at <paramref name="node"/> (through <paramref name="viaFlowId"/>) once the tokens ahead of it have moved.</summary>
    public void Enqueue(FlowNode node, string? scopeId, string? viaFlowId) => agenda.Enqueue(new Arrival(node, scopeId, viaFlowId));

    /// <summary>
    /// Moves tokens until none can move. Only at rest is it known that no token is in flight, so only
    /// then are inclusive joins decided and finished scopes completed (each may set tokens moving again).
    /// </summary>
    public void RunToQuiescence()
    {
        while (true)
        {
            while (IsRunning && agenda.TryDequeue(out var arrival))
            {
                // The scope ended (interrupted, terminated) while this token was on its way.
                if (arrival.ScopeId is not null && !State.Activities.ContainsKey(arrival.ScopeId)) continue;
                if (++steps > Services.MaxStepsPerCommand)
                {
                    RaiseIncident(null, arrival.Node,
                        $"Execution did not come to rest after {Services.MaxStepsPerCommand} steps: the process loops without a wait state.");
                    agenda.Clear();
                    return;
                }
                NodeBehaviours.For(arrival.Node).Arrive(this, arrival.Node, arrival.ScopeId, arrival.ViaFlowId);
            }
            if (!IsRunning)
            {
                agenda.Clear();
                return;
            }
            if (InclusiveGatewayBehaviour.FireReadyJoin(this)) continue;
            if (CompleteFinishedScope()) continue;
            return;
        }
    }

    public ActivityInstance StartActivity(FlowNode node, string? scopeId, string? viaFlowId)
    {
        var id = State.TakeId('a');
        Emit(new ActivityStarted(id, node.Id, node.BpmnType, scopeId, viaFlowId));
        return State.Activities[id];
    }

    /// <summary>Ends the activity (withdrawing the waits it owns) without moving on: end events, event sub-processes.</summary>
    public void Complete(ActivityInstance activity)
    {
        RemoveWaits(activity.Id);
        Emit(new ActivityCompleted(activity.Id, activity.NodeId));
    }

    /// <summary>Ends the activity and sends a token down each given flow.</summary>
    public void CompleteAndTake(ActivityInstance activity, IEnumerable<SequenceFlow> flows)
    {
        Complete(activity);
        foreach (var flow in flows) Enqueue(Definition.Nodes[flow.TargetId], activity.ScopeId, flow.Id);
    }

    /// <summary>
    /// Ends a non-gateway activity and leaves by every outgoing flow whose condition holds (or has none):
    /// BPMN's uncontrolled flow. Conditions are evaluated first, so a failing one leaves the activity
    /// where it is, with an incident.
    /// </summary>
    public void CompleteAndLeave(ActivityInstance activity)
    {
        var node = Definition.Nodes[activity.NodeId];
        var taken = new List<SequenceFlow>();
        foreach (var flowId in node.Outgoing)
        {
            var flow = Definition.Flows[flowId];
            if (!TryEvaluate(flow, out var holds, out var error))
            {
                RaiseIncident(activity, node, error);
                return;
            }
            if (holds) taken.Add(flow);
        }
        CompleteAndTake(activity, taken);
    }

    /// <summary>Withdraws an activity and, if it is a scope, everything inside it; its waits go with it.</summary>
    public void Cancel(ActivityInstance activity, string reason)
    {
        if (!State.Activities.ContainsKey(activity.Id)) return;
        CancelScopeContents(activity.Id, reason);
        RemoveWaits(activity.Id);
        Emit(new ActivityCancelled(activity.Id, activity.NodeId, reason));
    }

    /// <summary>Withdraws every token of a scope (null = the process): activities, and tokens waiting at joins.</summary>
    public void CancelScopeContents(string? scopeId, string reason)
    {
        foreach (var child in ActivitiesIn(scopeId).ToList()) Cancel(child, reason);
        foreach (var key in State.Joins.Keys.Where(k => JoinKey.ScopeOf(k) == scopeId).ToList())
            Emit(new JoinCancelled(key, JoinKey.NodeOf(key), reason));
    }

    /// <summary>Drops tokens still on their way inside a scope that a terminate end event has just ended.</summary>
    public void DropArrivalsIn(string? scopeId)
    {
        var keep = agenda.Where(a => a.ScopeId != scopeId).ToList();
        agenda.Clear();
        foreach (var arrival in keep) agenda.Enqueue(arrival);
    }

    public void RaiseIncident(ActivityInstance? activity, FlowNode node, string reason) =>
        Emit(new IncidentRaised(activity?.Id, node.Id, reason));

    /// <summary>Active activities directly in a scope, oldest first.</summary>
    public IEnumerable<ActivityInstance> ActivitiesIn(string? scopeId) =>
        State.Activities.Values.Where(a => a.ScopeId == scopeId).OrderBy(a => a.Id, LocalIdComparer.Instance);

    /// <summary>A scope holds a token while an activity is in it or a token waits at one of its joins.</summary>
    public bool HasTokens(string? scopeId) =>
        State.Activities.Values.Any(a => a.ScopeId == scopeId) || State.Joins.Keys.Any(k => JoinKey.ScopeOf(k) == scopeId);

    public bool TryEvaluate(SequenceFlow flow, out bool holds, out string error)
    {
        error = "";
        holds = true;
        if (string.IsNullOrWhiteSpace(flow.Condition)) return true;
        try
        {
            holds = Services.Expressions.EvaluateCondition(flow.Condition, Scope);
            return true;
        }
        catch (ExpressionException ex)
        {
            error = $"The condition of sequence flow '{flow.Id}' could not be evaluated: {ex.Message}";
            return false;
        }
    }

    /// <summary>
    /// Completes one scope that has no token left (BPMN: a sub-process completes when nothing is active
    /// inside it; waiting event sub-process starts don't count). Returns whether it did anything.
    /// </summary>
    private bool CompleteFinishedScope()
    {
        foreach (var scope in State.Activities.Values.Where(a => a.NodeType == "subProcess").ToList())
        {
            if (HasTokens(scope.Id) || State.Incidents.ContainsKey(scope.NodeId)) continue;
            if (Definition.Get<SubProcess>(scope.NodeId).TriggeredByEvent) Complete(scope);
            else CompleteAndLeave(scope);
            return true;
        }
        if (HasTokens(null)) return false;
        RemoveAllWaits();
        Emit(new InstanceCompleted());
        return true;
    }

    /// <summary>A private copy through JSON text: no caller keeps a handle on what the journal records, and
    /// live state and replayed state hold the same kind of nodes.</summary>
    public static JsonObject? Copy(JsonObject? values) =>
        values is null ? null : (JsonObject)JsonNode.Parse(values.ToJsonString())!;

    private sealed record Arrival(FlowNode Node, string? ScopeId, string? ViaFlowId);
}
