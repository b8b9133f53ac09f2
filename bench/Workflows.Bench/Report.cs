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
        w.WriteLine($"  {l.Fired:N0} probe timers due evenly over {l.SpreadSeconds:F0} s (first {l.LeadSeconds:F1} s after arming began; " +
                    $"{l.LateArmed} armed after their due instant)");
        w.WriteLine($"  offered {l.OfferedPerSecond:N0} timers/s; the pump fired {l.FiredPerSecond:N0}/s" +
                    (l.FiredPerSecond < l.OfferedPerSecond * 0.95 ? " (saturated: the lag below is mostly queueing)" : ""));
        w.WriteLine($"  lag (fired − due)   p50 {l.P50Ms,8:F1} ms   p90 {l.P90Ms,8:F1} ms   p99 {l.P99Ms,8:F1} ms   max {l.MaxMs,8:F1} ms   mean {l.MeanMs,8:F1} ms");
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
        Row("timer lag p50", r => Ms(r.Lag.P50Ms));
        Row("timer lag p90", r => Ms(r.Lag.P90Ms));
        Row("timer lag p99", r => Ms(r.Lag.P99Ms));
        Row("timer lag max", r => Ms(r.Lag.MaxMs));
        Row("pending timers during lag run", r => r.Lag.PendingTimers.ToString("N0", Inv));
        Row("probe timers: offered / fired per s", r => $"{N(r.Lag.OfferedPerSecond)} / {N(r.Lag.FiredPerSecond)}");
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
