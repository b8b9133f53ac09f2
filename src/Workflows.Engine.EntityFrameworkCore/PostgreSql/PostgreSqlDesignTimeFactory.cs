using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Workflows.Engine.EntityFrameworkCore.PostgreSql;

/// <summary>For <c>dotnet ef migrations add X --context PostgreSqlWorkflowsDbContext --output-dir Migrations/PostgreSql</c>;
/// adding a migration does not connect, so the connection string is a placeholder.</summary>
public sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlWorkflowsDbContext>
{
    public PostgreSqlWorkflowsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgreSqlWorkflowsDbContext>();
        PostgreSqlWorkflowsDbContext.Configure(options, "Host=localhost;Database=workflows");
        return new PostgreSqlWorkflowsDbContext(options.Options);
    }
}
