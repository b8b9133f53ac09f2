using Microsoft.Extensions.Configuration;

namespace Workflows.Engine.EntityFrameworkCore;

/// <summary>Where the store lives. Read from configuration by <see cref="FromConfiguration"/>.</summary>
public sealed class WorkflowsStorageOptions
{
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>ADO.NET connection string for <see cref="Provider"/>.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// <c>Storage:Provider</c> = <c>Sqlite</c> (default) or <c>PostgreSql</c>; <c>ConnectionStrings:Workflows</c>.
    /// SQLite without a connection string uses <c>workflows.db</c> in <c>Storage:DataDirectory</c>, or else
    /// the user's local app data folder. PostgreSQL requires the connection string.
    /// </summary>
    public static WorkflowsStorageOptions FromConfiguration(IConfiguration configuration)
    {
        var providerText = configuration["Storage:Provider"];
        var provider = StorageProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerText) && !Enum.TryParse(providerText.Trim(), ignoreCase: true, out provider))
            throw new InvalidOperationException(
                $"Storage:Provider is '{providerText}'; expected 'Sqlite' or 'PostgreSql'.");

        var connectionString = configuration.GetConnectionString("Workflows");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == StorageProvider.PostgreSql)
                throw new InvalidOperationException(
                    "Storage:Provider is PostgreSql but ConnectionStrings:Workflows is not set, e.g. " +
                    "\"Host=db;Database=workflows;Username=workflows;Password=…\".");
            connectionString = DefaultSqliteConnectionString(configuration["Storage:DataDirectory"]);
        }
        return new WorkflowsStorageOptions { Provider = provider, ConnectionString = connectionString };
    }

    /// <summary><c>Data Source=&lt;folder&gt;/workflows.db</c>; the folder is created by <see cref="WorkflowsDatabase.MigrateAsync"/>.</summary>
    public static string DefaultSqliteConnectionString(string? dataDirectory = null)
    {
        var folder = dataDirectory;
        if (string.IsNullOrWhiteSpace(folder))
        {
            var appData = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
            folder = string.IsNullOrEmpty(appData)
                ? Path.Combine(AppContext.BaseDirectory, "App_Data")
                : Path.Combine(appData, "IroEscalationWorkflows");
        }
        return $"Data Source={Path.Combine(folder, "workflows.db")}";
    }
}
