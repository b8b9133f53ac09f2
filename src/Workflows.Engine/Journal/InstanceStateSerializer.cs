using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Workflows.Engine.Execution;

namespace Workflows.Engine.Journal;

/// <summary>
/// Instance state ↔ JSON. Deterministic: collections are sorted by id and variables keep the order
/// in which events set them, so two equal states serialize to the same string — which is what makes
/// "the replayed journal equals the stored state" a string comparison.
/// </summary>
public static class InstanceStateSerializer
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize(InstanceState state) => JsonSerializer.Serialize(state, Options);

    public static InstanceState Deserialize(string json) =>
        JsonSerializer.Deserialize<InstanceState>(json, Options)
        ?? throw new JsonException("The stored instance state is the JSON literal null.");

    /// <summary>A deep copy, through JSON (so it also proves the state round-trips).</summary>
    public static InstanceState Clone(InstanceState state) => Deserialize(Serialize(state));

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            // Fill the state's own sorted dictionaries rather than new ones, so they keep their ordinal comparers.
            PreferredObjectCreationHandling = JsonObjectCreationHandling.Populate,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
            Converters = { new JsonStringEnumConverter() },
        };
        options.MakeReadOnly();
        return options;
    }
}
