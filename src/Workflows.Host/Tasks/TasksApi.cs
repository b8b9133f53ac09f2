using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Workflows.Engine.Execution;
using Workflows.Engine.Runtime;
using Workflows.Host.Auth;
using Workflows.Host.Instances;
using Workflows.Host.OpenApi;
using Workflows.Host.Problems;

namespace Workflows.Host.Tasks;

/// <summary><c>/api/tasks</c>: open user tasks (across running instances or for one), and completing one with variables.</summary>
public static class TasksApi
{
    public static IEndpointRouteBuilder MapTasksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/tasks").WithTags("Tasks");
        api.MapGet("/", List).RequireAuthorization(Policies.Read)
            .WithSummary("Open user tasks: of one instance (instanceId), or across running instances (paged by instance).");
        api.MapPost("/{instanceId}/{taskId}/complete", Complete).RequireAuthorization(Policies.CompleteTasks)
            .WithSummary("Completes an open user task (by activity id or node id) with variables.")
            .WithDescription("The body is a JSON object of variables merged into the instance (may be empty: {}).")
            .WithRequestExample("""{ "decision": "escalate", "rag": "AMBER" }""");
        return app;
    }

    public static async Task<Results<Ok<List<UserTaskView>>, ValidationProblem, ProblemHttpResult>> List(
        IInstanceStore instances, WorkflowRuntime runtime, string? instanceId, string? definitionKey, string? assigneeRole,
        int? skip, int? take, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var (pageSkip, pageTake) = InstancesApi.Paging(skip, take, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var states = new List<InstanceState>();
        if (instanceId is not null)
        {
            var stored = await instances.LoadAsync(instanceId, ct);
            if (stored is null)
                return ApiProblems.NotFound($"Instance '{instanceId}' was not found.");
            states.Add(stored.State);
        }
        else
        {
            var page = await instances.QueryAsync(new InstanceQuery(definitionKey, null, InstanceStatus.Running, null, pageSkip, pageTake), ct);
            foreach (var summary in page)
                if (await instances.LoadAsync(summary.InstanceId, ct) is { } stored) states.Add(stored.State);
        }

        var tasks = new List<UserTaskView>();
        foreach (var state in states)
        {
            var definition = await runtime.GetDefinitionAsync(state.DefinitionKey, state.DefinitionVersion, ct);
            tasks.AddRange(InstanceViews.UserTasks(state, definition)
                .Where(t => assigneeRole is null || string.Equals(t.AssigneeRole, assigneeRole, StringComparison.OrdinalIgnoreCase)));
        }
        return TypedResults.Ok(tasks);
    }

    public static async Task<Ok<InstanceDetail>> Complete(string instanceId, string taskId, JsonObject? variables,
        WorkflowRuntime runtime, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await runtime.CompleteUserTaskAsync(new CompleteUserTask(instanceId, taskId, variables, AuthSetup.ActorOf(user)), ct);
        var definition = await runtime.GetDefinitionAsync(result.State.DefinitionKey, result.State.DefinitionVersion, ct);
        return TypedResults.Ok(InstanceViews.Detail(result.State, result.Version, definition));
    }
}
