using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Engine.EntityFrameworkCore;
using Workflows.Engine.Runtime;

namespace Workflows.Bench;

/// <summary>Every measurement on one fresh database: migrate, drive, timer lag, replay; then the database goes.</summary>
public static class ProviderRun
{

    public static async Task<ProviderResult> RunAsync(StorageProvider provider, BenchOptions options, TextWriter log, CancellationToken ct)
    {
        var total = Stopwatch.StartNew();
        var loadBefore = LoadAverage();
        var allocatedAtStart = Bench.AllocatedMiB();
        log.WriteLine($"== {Name(provider)} ==");
        await using var database = await BenchDatabase.CreateAsync(provider, options, ct);
        log.WriteLine($"  fresh database {database.Description}");
        await using var services = database.NewServices();

        var migrating = Stopwatch.StartNew();
        await WorkflowsDatabase.MigrateAsync(services, ct);
        var migrateSeconds = migrating.Elapsed.TotalSeconds;
        var serverVersion = await ServerVersionAsync(services, provider, ct);
        log.WriteLine($"  {serverVersion}; migrated in {migrateSeconds:F1} s");

        var ladder = await services.GetRequiredService<IDefinitionStore>()
            .PublishAsync(LadderDrive.Key, "Benchmark ladder", Bench.Bpmn("ladder.bpmn"), TimeProvider.System.GetUtcNow(), ct);
        var drive = new LadderDrive(services, options.Workers);
        Validate(drive.Runtime, ladder.Xml, "ladder.bpmn");
        Validate(drive.Runtime, Bench.Bpmn("lag-probe.bpmn"), "lag-probe.bpmn");

        // Not counted: JIT tiering (64 instances were not enough: the first measured step ran at half speed), EF Core's
        // query compilation, connection pools.
        var warming = Stopwatch.StartNew();
        await drive.RunAsync("warm", options.WarmUp, ct);
        log.WriteLine($"  warmed up with {options.WarmUp:N0} instances in {warming.Elapsed.TotalSeconds:F1} s");
        var allocatedBeforeDrive = Bench.AllocatedMiB();
        var phases = await drive.RunAsync("case", options.Instances, ct);
        var driveResult = new DriveResult(options.Instances, options.Workers, phases, Bench.AllocatedMiB() - allocatedBeforeDrive);
        var peakAfterDrive = Bench.PeakWorkingSetMiB();
        log.WriteLine($"  drove {options.Instances:N0} instances: {driveResult.Commands:N0} commands in {driveResult.Seconds:F1} s");
        await drive.VerifySampleAsync("case", 100, ct);

        var lag = await TimerLagBench.RunAsync(services, options, ladder, phases[0].CommandsPerSecond, log, ct);

        var replay = await ReplayBench.RunAsync(services, options, ct);
        log.WriteLine($"  replayed a {replay.JournalRows:N0}-row journal");

        return new ProviderResult(Name(provider), database.Description, serverVersion, Machine(), migrateSeconds, driveResult, lag, replay,
            peakAfterDrive, Bench.PeakWorkingSetMiB(), Bench.AllocatedMiB() - allocatedAtStart, total.Elapsed.TotalSeconds,
            $"{loadBefore} at the start, {LoadAverage()} at the end");
    }

    /// <summary>The 1-, 5- and 15-minute load averages (Linux), to tell a quiet machine from a shared one.</summary>
    private static string LoadAverage()
    {
        try
        {
            return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
        catch (UnauthorizedAccessException)
        {
            return "n/a";
        }
    }

    public static string Name(StorageProvider provider) => provider == StorageProvider.Sqlite ? "SQLite" : "PostgreSQL";

    public static string Machine() =>
        $"{Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024):F0} GiB, " +
        $"{RuntimeInformation.OSDescription.Trim()}, {RuntimeInformation.FrameworkDescription}";

    private static void Validate(WorkflowRuntime runtime, string xml, string file)
    {
        var parsed = Workflows.Engine.Parsing.BpmnParser.Parse(xml, runtime.ParserOptions);
        if (!parsed.IsValid)
            throw new InvalidOperationException($"{file} does not parse: " + string.Join("; ", parsed.Errors.Select(e => e.ToString())));
    }

    private static async Task<string> ServerVersionAsync(IServiceProvider services, StorageProvider provider, CancellationToken ct)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync(ct);
        var sql = provider == StorageProvider.Sqlite ? "SELECT 'SQLite ' || sqlite_version() AS \"Value\"" : "SELECT 'PostgreSQL ' || current_setting('server_version') AS \"Value\"";
        var version = await db.Database.SqlQueryRaw<string>(sql).SingleAsync(ct);
        if (provider == StorageProvider.PostgreSql)
        {
            var settings = await db.Database
                .SqlQueryRaw<string>("SELECT 'fsync=' || current_setting('fsync') || ', synchronous_commit=' || current_setting('synchronous_commit') AS \"Value\"")
                .SingleAsync(ct);
            version += $" ({settings})";
        }
        else version += " (WAL, synchronous=NORMAL)";
        return version;
    }
}
