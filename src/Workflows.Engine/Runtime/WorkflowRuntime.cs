using Workflows.Engine.Execution;
using Workflows.Engine.Expressions;
using Workflows.Engine.Journal;
using Workflows.Engine.Parsing;

namespace Workflows.Engine.Runtime;

/// <summary>
/// The engine's façade for hosts. Every command: load the instance → take its pinned definition →
/// interpret at <see cref="TimeProvider.GetUtcNow"/> → commit state, journal rows, timer changes and
/// outbox rows in one transaction with the version read. When another command commits first
/// (<see cref="ConcurrencyConflictException"/>) the whole command runs again on fresh state.
/// </summary>
public sealed partial class WorkflowRuntime
{
    private readonly IDefinitionStore definitions;
    private readonly IInstanceStore instances;
    private readonly TimeProvider timeProvider;
    private readonly WorkflowRuntimeOptions options;
    private readonly InterpreterServices services;
    private readonly DefinitionCache cache;

    public WorkflowRuntime(IDefinitionStore definitions, IInstanceStore instances, TimeProvider timeProvider,
        WorkflowRuntimeOptions? options = null)
    {
        this.definitions = definitions;
        this.instances = instances;
        this.timeProvider = timeProvider;
        this.options = options ?? new WorkflowRuntimeOptions();
        Expressions = new JintExpressionEvaluator(this.options.HostFunctions, this.options.ExpressionLimits);
        services = InterpreterServices.Create(Expressions, this.options.ActionHandlers) with
        {
            MaxStepsPerCommand = this.options.MaxStepsPerCommand,
        };
        ParserOptions = new BpmnParserOptions { IsExpressionValid = Expressions.CheckSyntax };
        cache = new DefinitionCache(ParserOptions, services);
    }

    /// <summary>The evaluator commands use (with the configured host functions).</summary>
    public IExpressionEvaluator Expressions { get; }

    /// <summary>Parser options that check expressions with <see cref="Expressions"/>: use them to validate before publishing.</summary>
    public BpmnParserOptions ParserOptions { get; }

    /// <summary>Raised after a commit that armed timers, with the earliest due instant (a timer pump wakes up for it).</summary>
    public event Action<DateTimeOffset>? TimerScheduled;

    /// <summary>
    /// Starts an instance on <see cref="StartInstance.Version"/> (null = the latest published) and pins it there.
    /// With an idempotency key, a repeated start returns the instance the first one created.
    /// </summary>
    public async Task<CommandResult> StartAsync(StartInstance command, CancellationToken ct = default)
    {
        if (command.IdempotencyKey is { } key && await FindExistingAsync(key, ct) is { } existing) return existing;

        var record = command.Version is { } version
            ? await definitions.GetAsync(command.DefinitionKey, version, ct)
            : await definitions.GetLatestPublishedAsync(command.DefinitionKey, ct);
        if (record is null || !record.Published)
            throw new WorkflowCommandException(WorkflowCommandErrorKind.NotFound, command.Version is null
                ? $"Process '{command.DefinitionKey}' has no published version."
                : $"Process '{command.DefinitionKey}' has no published version {command.Version}.");
        var interpreter = cache.Get(record);
        var resolved = command with { Version = record.Version };

        for (var attempt = 1; ; attempt++)
        {
            var now = timeProvider.GetUtcNow();
            var instanceId = Guid.CreateVersion7(now).ToString();
            var state = new InstanceState();
            var events = interpreter.Execute(state, resolved, now, instanceId);
            var commit = BuildCommit(state, 0, events, [], resolved, now) with { IdempotencyKey = command.IdempotencyKey };
            try
            {
                await instances.CommitAsync(commit, ct);
            }
            catch (ConcurrencyConflictException) when (attempt < options.MaxCommandAttempts || command.IdempotencyKey is not null)
            {
                // A concurrent start with the same key won: its instance is the answer.
                if (command.IdempotencyKey is { } raced && await FindExistingAsync(raced, ct) is { } winner) return winner;
                if (attempt >= options.MaxCommandAttempts) throw;
                continue;
            }
            Committed(commit);
            return new CommandResult(instanceId, state, 1, commit.Journal, Created: true);
        }
    }

    public Task<CommandResult> CompleteUserTaskAsync(CompleteUserTask command, CancellationToken ct = default) =>
        RunAsync(command.InstanceId, command, ct);

    /// <summary>
    /// Delivers the message to every running instance with the correlation key that waits for it; one result
    /// per instance that took it (none when nobody waits). An instance that stopped waiting between the
    /// look-up and the delivery is skipped.
    /// </summary>
    public async Task<IReadOnlyList<CommandResult>> CorrelateMessageAsync(CorrelateMessage command, CancellationToken ct = default)
    {
        var results = new List<CommandResult>();
        foreach (var instanceId in await instances.FindWaitingForMessageAsync(command.MessageName, command.CorrelationKey, ct))
        {
            try
            {
                results.Add(await RunAsync(instanceId, command, ct));
            }
            catch (WorkflowCommandException ex) when (ex.Kind is WorkflowCommandErrorKind.NotFound or WorkflowCommandErrorKind.Conflict)
            {
                // Raced: the instance ended or took another path since the look-up; it no longer waits.
            }
        }
        return results;
    }

    /// <summary>Fires a timer. A timer that is no longer armed (already fired, or withdrawn) changes nothing.</summary>
    public Task<CommandResult> FireTimerAsync(FireTimer command, CancellationToken ct = default) =>
        RunAsync(command.InstanceId, command, ct);

    public Task<CommandResult> CancelAsync(CancelInstance command, CancellationToken ct = default) =>
        RunAsync(command.InstanceId, command, ct);

    public Task<StoredInstance?> GetAsync(string instanceId, CancellationToken ct = default) =>
        instances.LoadAsync(instanceId, ct);

    private async Task<CommandResult> RunAsync(string instanceId, WorkflowCommand command, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = await instances.LoadAsync(instanceId, ct)
                         ?? throw new WorkflowCommandException(WorkflowCommandErrorKind.NotFound, $"Instance {instanceId} was not found.");
            var state = stored.State;
            var interpreter = await GetInterpreterAsync(state.DefinitionKey, state.DefinitionVersion, ct);
            var timersBefore = state.Timers.Keys.ToList();
            var now = timeProvider.GetUtcNow();
            var events = interpreter.Execute(state, command, now);
            if (events.Count == 0) return new CommandResult(instanceId, state, stored.Version, [], Created: false);

            var commit = BuildCommit(state, stored.Version, events, timersBefore, command, now);
            try
            {
                await instances.CommitAsync(commit, ct);
            }
            catch (ConcurrencyConflictException) when (attempt < options.MaxCommandAttempts)
            {
                continue;
            }
            Committed(commit);
            return new CommandResult(instanceId, state, stored.Version + 1, commit.Journal, Created: false);
        }
    }

    private async Task<CommandResult?> FindExistingAsync(string idempotencyKey, CancellationToken ct)
    {
        if (await instances.FindByIdempotencyKeyAsync(idempotencyKey, ct) is not { } instanceId) return null;
        var stored = await instances.LoadAsync(instanceId, ct);
        return stored is null ? null : new CommandResult(instanceId, stored.State, stored.Version, [], Created: false);
    }

    private async Task<Interpreter> GetInterpreterAsync(string key, int version, CancellationToken ct)
    {
        if (cache.TryGet(key, version, out var interpreter)) return interpreter;
        var record = await definitions.GetAsync(key, version, ct)
                     ?? throw new InvalidOperationException($"Process '{key}' version {version}, which an instance is pinned to, is missing.");
        return cache.Get(record);
    }

    /// <summary>
    /// The journal rows continue the state's hash chain; timer rows to add and remove are the difference
    /// between the timers before and after (a timer armed and withdrawn in one command never reaches the store);
    /// each side effect becomes an outbox row whose id (instance + effect id) lets delivery be deduplicated.
    /// </summary>
    private static InstanceCommit BuildCommit(InstanceState state, long expectedVersion, IReadOnlyList<WorkflowEvent> events,
        IReadOnlyCollection<string> timersBefore, WorkflowCommand command, DateTimeOffset now)
    {
        var journal = JournalWriter.Append(state, events, command.Actor, now);
        var armed = state.Timers.Values.Where(t => !timersBefore.Contains(t.TimerId)).ToList();
        var removed = timersBefore.Where(id => !state.Timers.ContainsKey(id)).ToList();
        var outbox = events.OfType<SideEffectRequested>()
            .Select(e => new OutboxMessage(OutboxId(state.InstanceId, e.EffectId), state.InstanceId, e.Kind, e.Payload.ToJsonString(),
                now, NextAttemptAt: now))
            .ToList();
        return new InstanceCommit(state, expectedVersion, journal, armed, removed, outbox,
            FiredTimerId: command is FireTimer fire ? fire.TimerId : null);
    }

    /// <summary>
    /// The outbox row id of an effect: the effect's number zero-padded, so that rows of one instance sort
    /// by id in the order they were requested ("e9" before "e10") — dispatchers deliver in id order.
    /// </summary>
    public static string OutboxId(string instanceId, string effectId) =>
        long.TryParse(effectId.AsSpan(1), out var n) ? $"{instanceId}:{effectId[0]}{n:D12}" : $"{instanceId}:{effectId}";

    private void Committed(InstanceCommit commit)
    {
        if (commit.TimersArmed.Count > 0) TimerScheduled?.Invoke(commit.TimersArmed.Min(t => t.DueAt));
    }
}
