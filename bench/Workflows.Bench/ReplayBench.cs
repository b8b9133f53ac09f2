using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Engine.Journal;
using Workflows.Engine.Runtime;

namespace Workflows.Bench;

/// <summary>
/// Replay of one long instance: a ladder instance that took <c>note</c> messages (its non-interrupting event
/// sub-process) until its journal has at least <see cref="BenchOptions.ReplayEvents"/> rows. Then, each a median of
/// <see cref="BenchOptions.ReplayRuns"/> timed runs after one warm-up: reading the journal from the database,
/// <see cref="JournalReplayer.Replay"/>, <see cref="JournalVerifier.Verify(IReadOnlyList{JournalEntry}, Workflows.Engine.Execution.InstanceState)"/>,
/// and <see cref="WorkflowRuntime.VerifyAsync"/> (load + read + verify + replay + compare with the stored state).
/// </summary>
public static class ReplayBench
{
    public static async Task<ReplayResult> RunAsync(IServiceProvider services, BenchOptions options, CancellationToken ct)
    {
        var instances = services.GetRequiredService<IInstanceStore>();
        var runtime = new WorkflowRuntime(services.GetRequiredService<IDefinitionStore>(), instances, TimeProvider.System);
        const string caseKey = "replay-000001";
        var started = await runtime.StartAsync(new StartInstance(LadderDrive.Key, null, caseKey, new JsonObject { ["case"] = "replay" }, null, "bench"), ct);
        var id = started.InstanceId;
        var rows = started.State.LastSequence;
        var notes = 0;
        while (rows < options.ReplayEvents)
        {
            var results = await runtime.CorrelateMessageAsync(
                new CorrelateMessage("note", caseKey, new JsonObject { ["note"] = $"note {notes + 1}", ["noteCount"] = notes + 1 }, "bench"), ct);
            if (results.Count != 1) throw new InvalidOperationException($"'note' reached {results.Count} instances, not 1.");
            rows = results[0].State.LastSequence;
            notes++;
        }

        var journal = await instances.ReadJournalAsync(id, ct);
        var stored = await instances.LoadAsync(id, ct) ?? throw new InvalidOperationException($"Instance {id} vanished.");
        if (journal.Count != rows) throw new InvalidOperationException($"The journal has {journal.Count} rows, the state says {rows}.");
        if (InstanceStateSerializer.Serialize(JournalReplayer.Replay(journal)) != InstanceStateSerializer.Serialize(stored.State))
            throw new InvalidOperationException("Replaying the journal does not rebuild the stored state.");

        var runs = options.ReplayRuns;
        var read = await Bench.TimeAsync(runs, () => instances.ReadJournalAsync(id, ct));
        var replay = Bench.Time(runs, () => JournalReplayer.Replay(journal));
        var verify = Bench.Time(runs, () =>
        {
            var result = JournalVerifier.Verify(journal, stored.State);
            if (!result.IsValid) throw new InvalidOperationException($"The journal does not verify: {result}");
        });
        var verifyAsync = await Bench.TimeAsync(runs, async () =>
        {
            var result = await runtime.VerifyAsync(id, ct);
            if (!result.IsValid) throw new InvalidOperationException($"VerifyAsync failed: {result}");
        });
        return new ReplayResult(journal.Count, journal.Sum(e => (double)e.Payload.Length) / 1024, notes, runs,
            Bench.Median(read), Bench.Median(replay), Bench.Median(verify), Bench.Median(verifyAsync));
    }
}
