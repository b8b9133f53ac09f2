using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;
using Workflows.Engine.EntityFrameworkCore;

namespace Workflows.Bench;

/// <summary>
/// One provider's run in a child process (the same executable with <c>--provider X --json FILE</c>), so that its peak
/// memory and GC figures are its own. The child's output goes straight to this console.
/// </summary>
public static class ChildRun
{
    public static async Task<ProviderResult> RunAsync(StorageProvider provider, BenchOptions options, CancellationToken ct)
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
            // Ctrl+C reached the child too (SIGTERM is passed on): give it time to drop its database, then stop it.
            SendTerminate(child);
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await child.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                child.Kill(entireProcessTree: true);
            }
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

    /// <summary>Asks the child to stop as the parent was asked: it cancels and drops its database on the way out.</summary>
    private static void SendTerminate(Process child)
    {
        if (child.HasExited || OperatingSystem.IsWindows()) return;
        _ = Kill(child.Id, Sigterm);
    }

    private const int Sigterm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
