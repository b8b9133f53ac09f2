using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using Workflows.Engine.EntityFrameworkCore.Stores;
using Workflows.Engine.Runtime;

namespace Workflows.Engine.EntityFrameworkCore.Tests;

public sealed class WorkflowsStorageOptionsTests
{
    [Fact]
    public void Sqlite_in_the_app_data_folder_is_the_default()
    {
        var options = WorkflowsStorageOptions.FromConfiguration(Configuration());
        Assert.Equal(StorageProvider.Sqlite, options.Provider);
        Assert.StartsWith("Data Source=", options.ConnectionString);
        Assert.EndsWith("workflows.db", options.ConnectionString);
    }

    [Fact]
    public void The_data_directory_and_connection_string_can_be_configured()
    {
        Assert.Equal($"Data Source={Path.Combine("/srv/wf", "workflows.db")}",
            WorkflowsStorageOptions.FromConfiguration(Configuration(("Storage:DataDirectory", "/srv/wf"))).ConnectionString);
        var options = WorkflowsStorageOptions.FromConfiguration(Configuration(
            ("Storage:Provider", "postgresql"), ("ConnectionStrings:Workflows", "Host=db;Database=wf")));
        Assert.Equal(StorageProvider.PostgreSql, options.Provider);
        Assert.Equal("Host=db;Database=wf", options.ConnectionString);
    }

    [Fact]
    public void PostgreSql_without_a_connection_string_is_refused_at_start_up()
    {
        var e = Assert.Throws<InvalidOperationException>(() =>
            WorkflowsStorageOptions.FromConfiguration(Configuration(("Storage:Provider", "PostgreSql"))));
        Assert.Contains("ConnectionStrings:Workflows", e.Message);
    }

    [Fact]
    public void An_unknown_provider_is_refused_at_start_up()
    {
        var e = Assert.Throws<InvalidOperationException>(() =>
            WorkflowsStorageOptions.FromConfiguration(Configuration(("Storage:Provider", "Oracle"))));
        Assert.Contains("Oracle", e.Message);
    }

    [Fact]
    public async Task Registration_provides_the_four_stores_and_a_scoped_context()
    {
        var services = new ServiceCollection()
            .AddWorkflowsStorage(Configuration(("ConnectionStrings:Workflows", "Data Source=:memory:")))
            .BuildServiceProvider();
        await using var _ = services;

        Assert.IsType<EfDefinitionStore>(services.GetRequiredService<IDefinitionStore>());
        Assert.IsType<EfInstanceStore>(services.GetRequiredService<IInstanceStore>());
        Assert.IsType<EfTimerStore>(services.GetRequiredService<ITimerStore>());
        Assert.IsType<EfOutboxStore>(services.GetRequiredService<IOutboxStore>());
        Assert.IsType<Sqlite.SqliteDialect>(services.GetRequiredService<Sql.ISqlDialect>());
        await using var scope = services.CreateAsyncScope();
        Assert.IsType<Sqlite.SqliteWorkflowsDbContext>(scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>());
        Assert.NotNull(services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>());
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new Section(values.ToDictionary(v => v.Key, v => (string?)v.Value, StringComparer.OrdinalIgnoreCase), "");

    /// <summary>Just enough configuration for these tests (the configuration builder package is not referenced here).</summary>
    private sealed class Section(Dictionary<string, string?> values, string path) : IConfigurationSection
    {
        public string? this[string key]
        {
            get => values.GetValueOrDefault(Combine(key));
            set => values[Combine(key)] = value;
        }

        public string Key => path[(path.LastIndexOf(':') + 1)..];
        public string Path => path;

        public string? Value
        {
            get => values.GetValueOrDefault(path);
            set => values[path] = value;
        }

        public IConfigurationSection GetSection(string key) => new Section(values, Combine(key));
        public IEnumerable<IConfigurationSection> GetChildren() => [];
        public IChangeToken GetReloadToken() => new CancellationChangeToken(CancellationToken.None);
        private string Combine(string key) => path.Length == 0 ? key : $"{path}:{key}";
    }
}
