using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using Workflows.Bench;
using Workflows.Engine.EntityFrameworkCore;

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

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
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
        foreach (var provider in options.Providers) results.Add(await RunChildAsync(provider, options, ct));
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

static async Task<ProviderResult> RunChildAsync(StorageProvider provider, BenchOptions options, CancellationToken ct)
{
    var json = Path.Combine(Path.GetTempPath(), $"wf-bench-{Guid.NewGuid():N}.json");
    var host = Environment.ProcessPath ?? throw new InvalidOperationException("The benchmark's executable path is unknown.");
    var start = new ProcessStartInfo(host) { UseShellExecute = false };
    // Run as `dotnet Workflows.Bench.dll`: the child needs the assembly too.
    if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        start.ArgumentList.Add(Assembly.GetExecutingAssembly().Location);
    foreach (var arg in options.ToArguments(provider, json)) start.ArgumentList.Add(arg);
    if (options.PostgresConnectionString is { } server) start.Environment[BenchOptions.PostgresVariable] = server;

    using var child = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {host}.");
    try
    {
        await child.WaitForExitAsync(ct);
    }
    catch (OperationCanceledException)
    {
        if (!child.HasExited) child.Kill(entireProcessTree: true);
        throw;
    }
    try
    {
        if (child.ExitCode != 0) throw new InvalidOperationException($"The {provider} run failed (exit code {child.ExitCode}).");
        var results = JsonSerializer.Deserialize<List<ProviderResult>>(await File.ReadAllTextAsync(json, ct));
        return results is [var result] ? result : throw new InvalidOperationException($"The {provider} run wrote no result.");
    }
    finally
    {
        File.Delete(json);
    }
}
