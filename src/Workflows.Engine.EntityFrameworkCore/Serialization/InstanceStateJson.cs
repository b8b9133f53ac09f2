using Workflows.Engine.Execution;
using Workflows.Engine.Journal;

namespace Workflows.Engine.EntityFrameworkCore.Serialization;

/// <summary>
/// State ↔ JSON for the instances table: the engine's deterministic <see cref="InstanceStateSerializer"/>, so the
/// stored text is exactly what <c>WorkflowRuntime.VerifyAsync</c> compares a replay against. The one place the
/// store touches the state's format.
/// </summary>
internal static class InstanceStateJson
{
    public static string Serialize(InstanceState state) => InstanceStateSerializer.Serialize(state);

    public static InstanceState Deserialize(string json) => InstanceStateSerializer.Deserialize(json);
}
