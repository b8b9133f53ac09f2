using System.Globalization;

namespace Workflows.Bench;

/// <summary>The tables: one per provider, and a side-by-side summary when several were measured.</summary>
public static class Report
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Print(ProviderResult r, BenchOptions options, TextWriter w)
    {
        var d = r.Drive;
        w.WriteLine();
        w.WriteLine($"==== {r.Provider}: {r.ServerVersion} ====");
        w.WriteLine($"machine: {r.Machine}");
        w.WriteLine();
        w.WriteLine($"Drive: {d.Instances:N0} ladder instances start to end, {d.Workers} commands in flight " +
                    $"(timers: {d.Workers} pumps, RunOnceAsync after the clock jumps 25 h)");
        w.WriteLine($"  {"step",-20} {"commands",9} {"journal rows",13} {"seconds",8} {"commands/s",11} {"rows/s",9}   " +
                    $"{"load ms",8} {"find ms",8} {"commit ms",9}  (mean per call)");
        foreach (var p in d.Phases)
            w.WriteLine($"  {p.Name,-20} {p.Commands,9:N0} {p.JournalRows,13:N0} {p.Seconds,8:F2} {p.CommandsPerSecond,11:N0} {p.JournalRowsPerSecond,9:N0}   " +
                        $"{p.Store.Load.MeanMs,8:F2} {(p.Store.FindWaiting.Calls == 0 ? "" : p.Store.FindWaiting.MeanMs.ToString("F2", Inv)),8} {p.Store.Commit.MeanMs,9:F2}" +
                        (p.Store.Conflicts > 0 ? $"  ({p.Store.Conflicts} conflicts)" : ""));
        w.WriteLine($"  {"total",-20} {d.Commands,9:N0} {d.JournalRows,13:N0} {d.Seconds,8:F2} {d.CommandsPerSecond,11:N0} {d.JournalRowsPerSecond,9:N0}");
        w.WriteLine($"  allocated {d.AllocatedMiB:N0} MiB ({d.AllocatedKiBPerCommand:N0} KiB per command)");
        w.WriteLine();
        var l = r.Lag;
        w.WriteLine($"Timer lag: TimerPump.RunAsync on TimeProvider.System, {l.PendingTimers:N0} pending timers in the table " +
                    $"(seeded in {l.SeedSeconds:F1} s, not timed below)");
        w.WriteLine($"  probe timers due evenly over {options.LagSpread.TotalSeconds:F0} s at each rate; lag = the firing's commit − the due instant");
        w.WriteLine($"  {"rate",8} {"probes",7} {"fired/s",8} {"p50 ms",8} {"p90 ms",8} {"p99 ms",8} {"max ms",8} {"mean ms",8}");
        foreach (var s in l.Stages)
            w.WriteLine($"  {s.Rate,6}/s {s.Fired,7:N0} {s.FiredPerSecond,8:N0} {s.P50Ms,8:F1} {s.P90Ms,8:F1} {s.P99Ms,8:F1} {s.MaxMs,8:F1} {s.MeanMs,8:F1}" +
                        (s.Saturated ? "  saturated: the pump fell behind, so this lag is mostly queueing" : "") +
                        (s.LateArmed > 0 ? $"  ({s.LateArmed} armed after their due instant)" : ""));
        if (l.ExtraFirings > 0) w.WriteLine($"  !! {l.ExtraFirings} firings of timers that were not due probes");
        w.WriteLine();
        var p2 = r.Replay;
        w.WriteLine($"Replay: one instance with {p2.JournalRows:N0} journal rows ({p2.JournalKiB:N0} KiB of payload; {p2.NoteCommands} note messages); " +
                    $"median of {p2.Runs} runs");
        w.WriteLine($"  read journal from the database (ReadJournalAsync)   {p2.ReadJournalMs,8:F2} ms");
        w.WriteLine($"  JournalReplayer.Replay                              {p2.ReplayMs,8:F2} ms");
        w.WriteLine($"  JournalVerifier.Verify (hash chain + state)         {p2.VerifyMs,8:F2} ms");
        w.WriteLine($"  WorkflowRuntime.VerifyAsync (all of it, from the DB){p2.VerifyAsyncMs,8:F2} ms");
        w.WriteLine();
        w.WriteLine($"Memory: peak working set {r.PeakWorkingSetMiB:N0} MiB ({r.PeakWorkingSetAfterDriveMiB:N0} MiB after the drive); " +
                    $"GC allocated {r.AllocatedMiB:N0} MiB in all");
        w.WriteLine($"Run: {r.TotalSeconds:F0} s in all (migrations {r.MigrateSeconds:F1} s); database {r.Database} dropped");
        w.WriteLine($"Load average (1/5/15 min): {r.LoadAverage}");
    }

    /// <summary>A Markdown table, one column per provider (pasted into the README).</summary>
    public static void PrintSummary(IReadOnlyList<ProviderResult> results, BenchOptions options, TextWriter w)
    {
        w.WriteLine();
        w.WriteLine($"==== Summary: {options.Instances:N0} instances, {options.Workers} workers, {options.PendingTimers:N0} pending timers ====");
        w.WriteLine();
        w.WriteLine("| | " + string.Join(" | ", results.Select(r => r.Provider)) + " |");
        w.WriteLine("| --- |" + string.Concat(results.Select(_ => " ---: |")));
        Row("commands/s (drive, all steps)", r => N(r.Drive.CommandsPerSecond));
        foreach (var (phase, i) in results[0].Drive.Phases.Select((p, i) => (p.Name, i)))
            Row($"  {phase}: commands/s", r => N(r.Drive.Phases[i].CommandsPerSecond));
        Row("journal events/s (drive)", r => N(r.Drive.JournalRowsPerSecond));
        Row("drive: commands / journal rows / seconds", r => $"{r.Drive.Commands:N0} / {r.Drive.JournalRows:N0} / {r.Drive.Seconds.ToString("F1", Inv)}");
        foreach (var (rate, i) in results[0].Lag.Stages.Select((s, i) => (s.Rate, i)))
        {
            Row($"timer lag at {rate}/s: p50 / p99", r => $"{Ms(r.Lag.Stages[i].P50Ms)} / {Ms(r.Lag.Stages[i].P99Ms)}");
            Row($"timer lag at {rate}/s: max; fired/s", r => $"{Ms(r.Lag.Stages[i].MaxMs)}; {N(r.Lag.Stages[i].FiredPerSecond)}" +
                                                            (r.Lag.Stages[i].Saturated ? " (saturated)" : ""));
        }
        Row("pending timers during lag run", r => r.Lag.PendingTimers.ToString("N0", Inv));
        Row("replay rows", r => r.Replay.JournalRows.ToString("N0", Inv));
        Row("JournalReplayer.Replay (median)", r => Ms(r.Replay.ReplayMs));
        Row("JournalVerifier.Verify (median)", r => Ms(r.Replay.VerifyMs));
        Row("ReadJournalAsync (median)", r => Ms(r.Replay.ReadJournalMs));
        Row("VerifyAsync, from the DB (median)", r => Ms(r.Replay.VerifyAsyncMs));
        Row("peak working set", r => $"{r.PeakWorkingSetMiB.ToString("N0", Inv)} MiB");
        Row("peak working set after the drive", r => $"{r.PeakWorkingSetAfterDriveMiB.ToString("N0", Inv)} MiB");
        Row("GC allocated per drive command", r => $"{r.Drive.AllocatedKiBPerCommand.ToString("N0", Inv)} KiB");
        Row("seeding the pending timers (set-up, not timed)", r => $"{r.Lag.SeedSeconds.ToString("F1", Inv)} s");
        Row("whole run", r => $"{r.TotalSeconds.ToString("F0", Inv)} s");
        Row("load average (1/5/15 min)", r => r.LoadAverage);
        return;

        void Row(string name, Func<ProviderResult, string> value) =>
            w.WriteLine($"| {name} | " + string.Join(" | ", results.Select(value)) + " |");
    }

    private static string N(double value) => value.ToString("N0", Inv);

    private static string Ms(double value) => value.ToString(value < 10 ? "F2" : "F1", Inv) + " ms";
}
