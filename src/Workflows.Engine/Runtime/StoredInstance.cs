using Workflows.Engine.Execution;

namespace Workflows.Engine.Runtime;

/// <summary>An instance as stored, with the version used for optimistic concurrency.</summary>
public sealed record StoredInstance(InstanceState State, long Version);
