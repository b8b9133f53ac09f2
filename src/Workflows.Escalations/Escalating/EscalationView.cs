namespace Workflows.Escalations.Escalating;

/// <summary>An escalation as the tracker shows it: where it is, what it waits for, and by when.</summary>
public sealed record EscalationView(
    string Id,
    string InstanceId,
    string Protocol,
    int DefinitionVersion,
    string Status,
    string? CurrentStage,
    string? CurrentRungTitle,
    string? Rag,
    string? Category,
    string? ChildRef,
    string? RaiserRole,
    string? Team,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    bool Overdue,
    IReadOnlyList<Deadline> Deadlines,
    IReadOnlyList<OpenTask> OpenTasks,
    IReadOnlyList<StageReached> StagesReached,
    string? Outcome);

/// <param name="Name">The timer's name in the workflow, e.g. "Response window".</param>
public sealed record Deadline(string NodeId, string? Name, DateTimeOffset DueAt);

public sealed record OpenTask(string TaskId, string NodeId, string? Name, string? AssigneeRole, string? Gate);

public sealed record StageReached(string Stage, string? Title, DateTimeOffset? At);

public sealed record EscalationFilter(string? Protocol = null, string? Rung = null, string? Rag = null,
    bool? Overdue = null, string? Raiser = null, string? Team = null, bool? Open = null, int Skip = 0, int Take = 50);

public sealed record EscalationPage(IReadOnlyList<EscalationView> Items, int Total, int Skip, int Take);
