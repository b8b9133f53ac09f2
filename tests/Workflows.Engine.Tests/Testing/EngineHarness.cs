using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Workflows.Engine.Execution;
using Workflows.Engine.Expressions;
using Workflows.Engine.Journal;
using Workflows.Engine.Runtime;

namespace Workflows.Engine.Tests.Testing;

/// <summary>
/// The real runtime over the in-memory store, a fake clock and a timer pump; fixtures published from
/// the <c>.bpmn</c> files beside the tests. <see cref="AssertJournalsReplayAsync"/> is the check every
/// scenario ends with: for every instance it touched, the journal's chain holds and replaying it
/// rebuilds the stored state byte for byte.
/// </summary>
internal sealed class EngineHarness : IDisposable
{
    /// <summary>A Monday morning, UTC.</summary>
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public const string CorrelationKey = "esc-1";

    private readonly HashSet<string> instanceIds = new(StringComparer.Ordinal);

    public EngineHarness(IEnumerable<IActionHandler>? handlers = null, IEnumerable<IHostFunction>? functions = null,
        Func<InMemoryWorkflowStore, IInstanceStore>? wrapInstances = null)
    {
        Instances = wrapInstances?.Invoke(Store) ?? Store;
        Runtime = new WorkflowRuntime(Store, Instances, Time, new WorkflowRuntimeOptions
        {
            ActionHandlers = handlers?.ToList() ?? [Notify.Handler("notify"), Notify.Handler("case-note"), Notify.Handler("stage-entered")],
            HostFunctions = functions?.ToList() ?? [],
        });
        Pump = new TimerPump(Store, Runtime, Time, new TimerPumpOptions { Owner = "test-pump" });
    }

    public FakeTimeProvider Time { get; } = new(T0);
    public InMemoryWorkflowStore Store { get; } = new();
    public IInstanceStore Instances { get; }
    public WorkflowRuntime Runtime { get; }
    public TimerPump Pump { get; }

    public static string FixturePath(string relativePath) => Path.Combine(AppContext.BaseDirectory, relativePath);

    /// <summary>Publishes a fixture under its file name (without extension) as the key.</summary>
    public Task<DefinitionRecord> PublishAsync(string relativePath, string? key = null) =>
        Store.PublishAsync(key ?? Path.GetFileNameWithoutExtension(relativePath), Path.GetFileNameWithoutExtension(relativePath),
            File.ReadAllText(FixturePath(relativePath)), Time.GetUtcNow(), CancellationToken.None);

    public async Task<CommandResult> StartAsync(string key, object? variables = null, string? correlationKey = CorrelationKey,
        string? idempotencyKey = null, int? version = null)
    {
        var result = await Runtime.StartAsync(new StartInstance(key, version, correlationKey, Vars(variables), idempotencyKey, "tester"));
        instanceIds.Add(result.InstanceId);
        return result;
    }

    /// <summary>Publishes the fixture and starts one instance of it.</summary>
    public async Task<CommandResult> StartFixtureAsync(string relativePath, object? variables = null)
    {
        var record = await PublishAsync(relativePath);
        return await StartAsync(record.Key, variables);
    }

    public async Task<CommandResult> CompleteAsync(string instanceId, string taskId, object? variables = null)
    {
        var result = await Runtime.CompleteUserTaskAsync(new CompleteUserTask(instanceId, taskId,
            variables is null ? null : Vars(variables), "reviewer"));
        instanceIds.Add(instanceId);
        return result;
    }

    public async Task<IReadOnlyList<CommandResult>> CorrelateAsync(string messageName, object? payload = null,
        string correlationKey = CorrelationKey)
    {
        var results = await Runtime.CorrelateMessageAsync(new CorrelateMessage(messageName, correlationKey,
            payload is null ? null : Vars(payload), "case-system"));
        foreach (var r in results) instanceIds.Add(r.InstanceId);
        return results;
    }

    /// <summary>Moves the clock on and fires every timer due by then, as the pump would.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        Time.Advance(by);
        while (await Pump.RunOnceAsync(Time.GetUtcNow()) > 0)
        {
        }
    }

    public async Task<InstanceState> StateAsync(string instanceId) =>
        (await Runtime.GetAsync(instanceId))?.State ?? throw new InvalidOperationException($"No instance {instanceId}.");

    public async Task<IReadOnlyList<WorkflowEvent>> EventsAsync(string instanceId) =>
        JournalReplayer.Events(await Store.ReadJournalAsync(instanceId, CancellationToken.None)).ToList();

    /// <summary>The element ids where tokens wait, oldest first.</summary>
    public async Task<IReadOnlyList<string>> ActiveAsync(string instanceId) => Active(await StateAsync(instanceId));

    public static IReadOnlyList<string> Active(InstanceState state) =>
        state.Activities.Values.OrderBy(a => a.Id.Length).ThenBy(a => a.Id, StringComparer.Ordinal).Select(a => a.NodeId).ToList();

    /// <summary>The activity id of the one open task at <paramref name="nodeId"/>.</summary>
    public async Task<string> TaskIdAsync(string instanceId, string nodeId) =>
        (await StateAsync(instanceId)).Activities.Values.Single(a => a.NodeId == nodeId).Id;

    /// <summary>
    /// Every scenario ends here: each instance's journal verifies (chain intact, ending where the state
    /// says) and replaying it reproduces the stored state exactly — compared as serialized strings.
    /// </summary>
    public async Task AssertJournalsReplayAsync()
    {
        Assert.NotEmpty(instanceIds);
        foreach (var instanceId in instanceIds)
        {
            var stored = await Store.LoadAsync(instanceId, CancellationToken.None);
            Assert.NotNull(stored);
            var journal = await Store.ReadJournalAsync(instanceId, CancellationToken.None);
            var verification = JournalVerifier.Verify(journal, stored.State);
            Assert.True(verification.IsValid, $"Journal of {instanceId}: {verification}");
            Assert.Equal(InstanceStateSerializer.Serialize(stored.State), InstanceStateSerializer.Serialize(JournalReplayer.Replay(journal)));
            Assert.True((await Runtime.VerifyAsync(instanceId)).IsValid);
        }
    }

    public static JsonObject Vars(object? values) => values switch
    {
        null => [],
        JsonObject json => json,
        _ => JsonSerializer.SerializeToNode(values)!.AsObject(),
    };

    public void Dispose() => Pump.Dispose();
}
