namespace Workflows.Host.Storage;

/// <summary>
/// Host-side storage switches, section <c>Storage</c> (the provider and connection string themselves are read
/// by the store: <c>Storage:Provider</c>, <c>ConnectionStrings:Workflows</c>, <c>Storage:DataDirectory</c>).
/// </summary>
public sealed class StorageStartupOptions
{
    public const string Section = "Storage";

    /// <summary>
    /// Apply pending migrations when the host starts (default true, logged). Switch it off where a DBA
    /// applies migrations, and run them from a release step instead.
    /// </summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Publish version 1 of every protocol shipped in <see cref="SeedFolder"/> that the database lacks (all on first start).</summary>
    public bool SeedProtocols { get; set; } = true;

    /// <summary>The protocol folder (<c>*.bpmn</c> + <c>*.settings.json</c> pairs, the protocol catalogue), relative to the app's folder unless absolute.</summary>
    public string SeedFolder { get; set; } = "workflows";

    public string SeedFolderPath => Path.IsPathRooted(SeedFolder) ? SeedFolder : Path.Combine(AppContext.BaseDirectory, SeedFolder);
}
