using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Workflows.Engine.EntityFrameworkCore.Sqlite;

/// <summary>For <c>dotnet ef migrations add X --context SqliteWorkflowsDbContext --output-dir Migrations/Sqlite</c>.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteWorkflowsDbContext>
{
    public SqliteWorkflowsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteWorkflowsDbContext>();
        SqliteWorkflowsDbContext.Configure(options, "Data Source=workflows.db");
        return new SqliteWorkflowsDbContext(options.Options);
    }
}
