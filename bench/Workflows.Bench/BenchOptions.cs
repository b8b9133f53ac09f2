using System.Globalization;
using Workflows.Engine.EntityFrameworkCore;

namespace Workflows.Bench;

/// <summary>The command line. Defaults keep <c>--provider both</c> within about five minutes on two cores.</summary>
public sealed record BenchOptions
{
    public const string PostgresVariable = "WORKFLOWS_TEST_POSTGRES";

    public IReadOnlyList<StorageProvider> Providers { get; init; } = [StorageProvider.Sqlite, StorageProvider.PostgreSql];

    /// <summary>Ladder instances driven start to end.</summary>
    public int Instances { get; init; } = 2_000;

    /// <summary>Ladder instances driven start to end before measuring, and not counted.</summary>
    public int WarmUp { get; init; } = 400;

    /// <summary>Commands in flight at once while driving (parallel workers; also the number of timer pumps).</summary>
    public int Workers { get; init; } = 8;

    /// <summary>Far-future timers (waiting ladder instances) in the table while timer lag is measured.</summary>
    public int PendingTimers { get; init; } = 100_000;

    /// <summary>
    /// Timer-lag stages: in each, probe timers fall due at this many per second for <see cref="LagSpread"/>. The
    /// default measures a steady trickle (50/s: 500 timers) and a burst (200/s: 2,000 timers).
    /// </summary>
    public IReadOnlyList<int> LagRates { get; init; } = [50, 200];

    /// <summary>Each stage's probe timers are due evenly over this long.</summary>
    public TimeSpan LagSpread { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Journal rows the replayed instance has at least.</summary>
    public int ReplayEvents { get; init; } = 1_000;

    /// <summary>Timed runs of each replay measurement (after one warm-up); the median is reported.</summary>
    public int ReplayRuns { get; init; } = 21;

    public string? PostgresConnectionString { get; init; }

    /// <summary>Folder for the SQLite database file (default: the temp folder).</summary>
    public string? SqliteDirectory { get; init; }

    /// <summary>Also write the results as JSON to this file.</summary>
    public string? JsonPath { get; init; }

    /// <summary>Run several providers in this process instead of one child process each (peak memory then accumulates).</summary>
    public bool InProcess { get; init; }

    public const string Usage = """
        Workflows.Bench: drives ladder instances through WorkflowRuntime on SQLite and PostgreSQL.

          dotnet run -c Release --project bench/Workflows.Bench -- [options]

          --provider sqlite|postgresql|both   databases to measure (default both; each in its own child process)
          --instances N                       ladder instances driven start to end (default 2000)
          --warmup N                          instances driven first and not counted (default 400)
          --workers N                         commands in flight / timer pumps while driving (default 8)
          --pending-timers N                  far-future timers present while timer lag is measured (default 100000)
          --lag-rates R1,R2,...               timer-lag stages: probe timers due per second (default 50,200)
          --lag-spread SECONDS                each stage's probes are due evenly over this long (default 10)
          --replay-events N                   journal rows of the replayed instance, at least (default 1000)
          --replay-runs N                     timed replay runs, median reported (default 21)
          --postgres "CONNECTION STRING"      server to create the benchmark database on
                                              (default: environment variable WORKFLOWS_TEST_POSTGRES)
          --sqlite-dir DIR                    folder for the SQLite file (default: temp folder)
          --json FILE                         also write the results as JSON
          --in-process                        run every provider in this process (no child processes)
          -h, --help                          this text
        """;

    /// <summary>Null with <paramref name="error"/> null means help was asked for.</summary>
    public static BenchOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        var options = new BenchOptions
        {
            PostgresConnectionString = NullIfBlank(Environment.GetEnvironmentVariable(PostgresVariable)),
        };
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help" or "-?") return null;
            if (name == "--in-process")
            {
                options = options with { InProcess = true };
                continue;
            }
            if (i + 1 >= args.Count)
            {
                error = $"{name} needs a value.";
                return null;
            }
            var value = args[++i];
            switch (name)
            {
                case "--provider":
                    IReadOnlyList<StorageProvider>? providers = value.ToLowerInvariant() switch
                    {
                        "sqlite" => [StorageProvider.Sqlite],
                        "postgresql" or "postgres" or "pg" => [StorageProvider.PostgreSql],
                        "both" => [StorageProvider.Sqlite, StorageProvider.PostgreSql],
                        _ => null,
                    };
                    if (providers is null)
                    {
                        error = $"--provider is '{value}'; expected sqlite, postgresql or both.";
                        return null;
                    }
                    options = options with { Providers = providers };
                    break;
                case "--instances": options = options with { Instances = Positive(name, value, ref error) }; break;
                case "--warmup": options = options with { WarmUp = Positive(name, value, ref error) }; break;
                case "--workers": options = options with { Workers = Positive(name, value, ref error) }; break;
                case "--pending-timers": options = options with { PendingTimers = NonNegative(name, value, ref error) }; break;
                case "--lag-rates":
                    var rates = new List<int>();
                    foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                        rates.Add(Positive(name, part, ref error));
                    if (rates.Count == 0) error = $"{name} needs at least one rate.";
                    options = options with { LagRates = rates };
                    break;
                case "--lag-spread":
                    options = options with { LagSpread = TimeSpan.FromSeconds(Positive(name, value, ref error)) };
                    break;
                case "--replay-events": options = options with { ReplayEvents = Positive(name, value, ref error) }; break;
                case "--replay-runs": options = options with { ReplayRuns = Positive(name, value, ref error) }; break;
                case "--postgres": options = options with { PostgresConnectionString = NullIfBlank(value) }; break;
                case "--sqlite-dir": options = options with { SqliteDirectory = value }; break;
                case "--json": options = options with { JsonPath = value }; break;
                default:
                    error = $"Unknown option {name}.";
                    return null;
            }
            if (error is not null) return null;
        }
        if (options.Providers.Contains(StorageProvider.PostgreSql) && options.PostgresConnectionString is null)
        {
            error = $"PostgreSQL needs --postgres \"<connection string>\" or {PostgresVariable}, e.g.{Environment.NewLine}" +
                    $"  export {PostgresVariable}=\"$(sh scripts/postgres/start.sh | tail -1)\"";
            return null;
        }
        return options;
    }

    /// <summary>
    /// The arguments that repeat these options for one provider (a child process's command line). The PostgreSQL
    /// connection string is not among them: it goes to the child in <see cref="PostgresVariable"/>, not onto a
    /// command line that <c>ps</c> shows.
    /// </summary>
    public IReadOnlyList<string> ToArguments(StorageProvider provider, string jsonPath)
    {
        var args = new List<string>
        {
            "--provider", provider == StorageProvider.Sqlite ? "sqlite" : "postgresql",
            "--instances", Text(Instances), "--warmup", Text(WarmUp), "--workers", Text(Workers), "--pending-timers", Text(PendingTimers),
            "--lag-rates", string.Join(",", LagRates.Select(Text)), "--lag-spread", Text((int)LagSpread.TotalSeconds),
            "--replay-events", Text(ReplayEvents), "--replay-runs", Text(ReplayRuns), "--json", jsonPath,
        };
        if (SqliteDirectory is { } dir) args.AddRange(["--sqlite-dir", dir]);
        return args;
    }

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    private static int Positive(string name, string value, ref string? error)
    {
        var n = NonNegative(name, value, ref error);
        if (error is null && n == 0) error = $"{name} must be at least 1.";
        return n;
    }

    private static int NonNegative(string name, string value, ref string? error)
    {
        if (int.TryParse(value.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            return n;
        error = $"{name} is '{value}'; expected a whole number.";
        return 0;
    }
}
