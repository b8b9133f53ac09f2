using System.Runtime.InteropServices;
using System.Text.Json;
using Workflows.Bench;

var options = BenchOptions.Parse(args, out var error);
if (options is null)
{
    if (error is null)
    {
        Console.WriteLine(BenchOptions.Usage);
        return 0;
    }
    Console.Error.WriteLine(error);
    Console.Error.WriteLine();
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

// Ctrl+C or SIGTERM: stop measuring, drop the database, exit.
using var cancel = new CancellationTokenSource();
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
var ct = cancel.Token;

try
{
    var results = new List<ProviderResult>();
    if (options.Providers.Count == 1 || options.InProcess)
    {
        foreach (var provider in options.Providers)
        {
            var result = await ProviderRun.RunAsync(provider, options, Console.Out, ct);
            Report.Print(result, options, Console.Out);
            results.Add(result);
        }
    }
    else
    {
        // One child process per database, so that each one's peak memory and GC figures are its own.
        foreach (var provider in options.Providers) results.Add(await ChildRun.RunAsync(provider, options, ct));
    }

    if (results.Count > 1) Report.PrintSummary(results, options, Console.Out);
    if (options.JsonPath is { } path)
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }), ct);
    return 0;
}
catch (OperationCanceledException) when (ct.IsCancellationRequested)
{
    Console.Error.WriteLine("Cancelled.");
    return 130;
}

void Stop(PosixSignalContext signal)
{
    signal.Cancel = true;
    cancel.Cancel();
}
