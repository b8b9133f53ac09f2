namespace Workflows.Engine.Runtime;

public sealed record DueTimer(string InstanceId, string TimerId, DateTimeOffset DueAt);
