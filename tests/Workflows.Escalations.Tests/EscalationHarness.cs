using Microsoft.Extensions.Time.Testing;
using Workflows.Engine.Journal;
using Workflows.Engine.Runtime;
using Workflows.Escalations.Escalating;
using Workflows.Escalations.Protocols;

namespace Workflows.Escalations.Tests;

/// <summary>
/// The five protocols on the real engine with an in-memory store and a fake clock. Time moves only by
/// <see cref="AdvanceToAsync"/>, which fires every timer due on the way at its own due instant — as the
/// host's timer pump would, without its lag.
/// </summary>
public sealed class EscalationHarness
{
    private static readonly Lazy<Task<ProtocolCatalogue>> Catalogue = new(() =>
        ProtocolCatalogue.LoadAsync(Path.Combine(AppContext.BaseDirectory, "workflows")));

    private EscalationHarness(ProtocolCatalogue catalogue, DateTimeOffset start)
    {
        Protocols = catalogue;
        Time = new FakeTimeProvider(start);
        Store = new InMemoryWorkflowStore();
        Runtime = new WorkflowRuntime(Store, Store, Time, EscalationModule.RuntimeOptions(catalogue));
        Pump = new TimerPump(Store, Runtime, Time);
        Views = new EscalationViews(Runtime, Store, catalogue, Time);
        Service = new EscalationService(Runtime, Store, catalogue, Views, Time);
    }

    public ProtocolCatalogue Protocols { get; }
    public FakeTimeProvider Time { get; }
    public InMemoryWorkflowStore Store { get; }
    public WorkflowRuntime Runtime { get; }
    public TimerPump Pump { get; }
    public EscalationViews Views { get; }
    public EscalationService Service { get; }

    public static async Task<EscalationHarness> CreateAsync(DateTimeOffset start)
    {
        var catalogue = await Catalogue.Value;
        var harness = new EscalationHarness(catalogue, start);
        await EscalationModule.SeedAsync(catalogue, harness.Store, start, CancellationToken.None);
        return harness;
    }

    /// <summary>Moves the clock to <paramref name="target"/>, firing due timers in order at their due instants.</summary>
    public async Task AdvanceToAsync(DateTimeOffset target)
    {
        for (var guard = 0; guard < 10_000; guard++)
        {
            var next = await Store.NextDueAsync(CancellationToken.None);
            if (next is not { } due || due > target) break;
            if (due > Time.GetUtcNow()) Time.SetUtcNow(due);
            await Pump.RunOnceAsync(Time.GetUtcNow());
        }
        if (target > Time.GetUtcNow()) Time.SetUtcNow(target);
    }

    /// <summary>Every instance's journal verifies and replays to exactly its stored state.</summary>
    public async Task AssertJournalsReplayAsync()
    {
        foreach (var summary in await Store.QueryAsync(new InstanceQuery(Take: 10_000), CancellationToken.None))
        {
            var journal = await Store.ReadJournalAsync(summary.InstanceId, CancellationToken.None);
            var stored = (await Store.LoadAsync(summary.InstanceId, CancellationToken.None))!.State;
            Assert.True(JournalVerifier.Verify(journal, stored).IsValid, $"journal of {summary.InstanceId} does not verify");
            Assert.Equal(InstanceStateSerializer.Serialize(stored), InstanceStateSerializer.Serialize(JournalReplayer.Replay(journal)));
        }
    }

    /// <summary>The side effects requested so far, in the order the workflows requested them (the store lists
    /// them by instant, then by outbox id, whose zero-padded effect number keeps one command's effects in order).</summary>
    public IReadOnlyList<OutboxMessage> Outbox => Store.Outbox;
}
