namespace Workflows.Bench;

/// <summary>One step of the drive: how many commands went through the runtime, the journal rows they appended, and how long it took.</summary>
/// <param name="Store">The instance-store calls the step made and how long they took (see <see cref="TimedInstanceStore"/>).</param>
public sealed record PhaseResult(string Name, int Commands, long JournalRows, double Seconds, StoreTimings Store)
{
    public double CommandsPerSecond => Commands / Seconds;
    public double JournalRowsPerSecond => JournalRows / Seconds;
}

public sealed record DriveResult(int Instances, int Workers, IReadOnlyList<PhaseResult> Phases, double AllocatedMiB)
{
    public int Commands => Phases.Sum(p => p.Commands);
    public long JournalRows => Phases.Sum(p => p.JournalRows);
    public double Seconds => Phases.Sum(p => p.Seconds);
    public double CommandsPerSecond => Commands / Seconds;
    public double JournalRowsPerSecond => JournalRows / Seconds;
    public double AllocatedKiBPerCommand => AllocatedMiB * 1024 / Commands;
}

/// <param name="PendingTimers">Far-future timer rows in the table while the probes fired (checked by a count).</param>
/// <param name="SeedSeconds">Building and bulk-inserting the waiting instances that hold those timers (not a figure of the engine).</param>
/// <param name="ExtraFirings">Firings of anything but a due probe: must be 0.</param>
public sealed record LagResult(int PendingTimers, double SeedSeconds, IReadOnlyList<LagStage> Stages, int ExtraFirings);

/// <param name="Rate">Probes falling due per second.</param>
/// <param name="LateArmed">Probes whose start command returned after their due instant (their lag includes arming).</param>
/// <param name="FiredPerSecond">Probes fired per second from the first due instant to the last firing: below
/// <paramref name="Rate"/>, the pump could not keep up and the lag is mostly queueing.</param>
public sealed record LagStage(int Rate, int Probes, int Fired, double SpreadSeconds, double LeadSeconds, int LateArmed,
    double P50Ms, double P90Ms, double P99Ms, double MaxMs, double MeanMs, double FiredPerSecond)
{
    public bool Saturated => FiredPerSecond < Rate * 0.95;
}

/// <param name="JournalRows">Rows in the replayed instance's journal.</param>
/// <param name="JournalKiB">Their payloads' size.</param>
/// <param name="ReadJournalMs">Median of <c>IInstanceStore.ReadJournalAsync</c> (the database part of a replay).</param>
/// <param name="ReplayMs">Median of <c>JournalReplayer.Replay</c> over the journal in memory.</param>
/// <param name="VerifyMs">Median of <c>JournalVerifier.Verify(journal, state)</c>: the hash chain.</param>
/// <param name="VerifyAsyncMs">Median of <c>WorkflowRuntime.VerifyAsync</c>: load, read, verify, replay, compare.</param>
public sealed record ReplayResult(int JournalRows, double JournalKiB, int NoteCommands, int Runs, double ReadJournalMs,
    double ReplayMs, double VerifyMs, double VerifyAsyncMs);

/// <summary>Everything measured on one database.</summary>
public sealed record ProviderResult(
    string Provider,
    string Database,
    string ServerVersion,
    string Machine,
    double MigrateSeconds,
    DriveResult Drive,
    LagResult Lag,
    ReplayResult Replay,
    double PeakWorkingSetAfterDriveMiB,
    double PeakWorkingSetMiB,
    double AllocatedMiB,
    double TotalSeconds,
    string LoadAverage);
