using System.Text.Json.Nodes;
using Workflows.Engine.Journal;
using Workflows.Engine.Model;

namespace Workflows.Engine.Execution.Behaviours;

/// <summary>User task: waits (with its boundary events armed) until a CompleteUserTask command; its variables are merged.</summary>
internal sealed class UserTaskBehaviour : NodeBehaviour
{
    public static readonly UserTaskBehaviour Instance = new();

    public override void Arrive(CommandExecution run, FlowNode node, string? scopeId, string? viaFlowId) =>
        run.ArmBoundaryEvents(run.StartActivity(node, scopeId, viaFlowId));

    public static void Complete(CommandExecution run, ActivityInstance task, JsonObject? variables)
    {
        run.Emit(new UserTaskCompleted(task.Id, task.NodeId, CommandExecution.Copy(variables)));
        run.CompleteAndLeave(task);
    }
}
