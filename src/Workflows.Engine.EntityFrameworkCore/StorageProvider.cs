namespace Workflows.Engine.EntityFrameworkCore;

/// <summary>Which database holds the store (configuration <c>Storage:Provider</c>).</summary>
public enum StorageProvider
{
    /// <summary>A file in the app data folder: zero set-up, one host.</summary>
    Sqlite,

    /// <summary>Production: several hosts may share one database.</summary>
    PostgreSql,
}
