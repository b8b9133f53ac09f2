using Workflows.Host;

var builder = WebApplication.CreateBuilder(args);
builder.AddWorkflowsHost();

var app = builder.Build();
app.UseWorkflowsHost();
app.Run();

/// <summary>Visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
