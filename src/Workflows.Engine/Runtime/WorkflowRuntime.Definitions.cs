using Workflows.Engine.Execution;
using Workflows.Engine.Model;

namespace Workflows.Engine.Runtime;

public sealed partial class WorkflowRuntime
{
    /// <summary>
    /// The parsed graph of a stored version (from the same cache commands use), so that callers can read
    /// what an open task or armed timer is — its name, lane and extension attributes.
    /// </summary>
    public async Task<ProcessDefinition> GetDefinitionAsync(string key, int version, CancellationToken ct = default)
    {
        if (cache.TryGet(key, version, out var interpreter)) return interpreter.Definition;
        var record = await definitions.GetAsync(key, version, ct)
            ?? throw new WorkflowCommandException(WorkflowCommandErrorKind.NotFound, $"Process '{key}' version {version} was not found.");
        return cache.Get(record).Definition;
    }
}
