using System.Diagnostics;
using System.Reflection;

namespace Workflows.Bench;

/// <summary>Small shared helpers: the embedded BPMN files, a parallel loop, percentiles, a memory probe.</summary>
public static class Bench
{
    public static string Bpmn(string fileName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(fileName)
                           ?? throw new InvalidOperationException($"{fileName} is not embedded in the benchmark.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Runs <paramref name="body"/> for 0..count-1 on <paramref name="workers"/> concurrent workers, each taking the next
    /// index. Task.Run: Microsoft.Data.Sqlite completes its "async" calls synchronously, so without it one worker would
    /// run everything. The first failure cancels the other workers and is rethrown.
    /// </summary>
    public static async Task ForEachAsync(int count, int workers, Func<int, CancellationToken, Task> body, CancellationToken ct)
    {
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var token = failed.Token;
        var next = -1;
        var tasks = Enumerable.Range(0, Math.Min(workers, count)).Select(_ => Task.Run(async () =>
        {
            try
            {
                for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
                {
                    token.ThrowIfCancellationRequested();
                    await body(i, token);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await failed.CancelAsync();
                throw;
            }
        }, token)).ToList();
        try
        {
            await Task.WhenAll(tasks);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // A worker failed and the others stopped: report the failure, not the cancellation.
            var failure = tasks.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException!).FirstOrDefault();
            if (failure is not null) throw failure;
            throw;
        }
    }

    /// <summary>Linear interpolation between closest ranks (as numpy's default); <paramref name="sorted"/> ascending.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0) return double.NaN;
        var rank = p / 100 * (sorted.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return Percentile(sorted, 50);
    }

    /// <summary>Times <paramref name="action"/> once to warm up, then <paramref name="runs"/> times; returns each run in ms.</summary>
    public static async Task<List<double>> TimeAsync(int runs, Func<Task> action)
    {
        await action();
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            await action();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        return times;
    }

    public static List<double> Time(int runs, Action action)
    {
        action();
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            action();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        return times;
    }

    /// <summary>The process's high-water mark of resident memory so far (VmHWM on Linux), in MiB.</summary>
    public static double PeakWorkingSetMiB()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64 / 1024.0 / 1024.0;
    }

    public static double AllocatedMiB() => GC.GetTotalAllocatedBytes(precise: false) / 1024.0 / 1024.0;
}
