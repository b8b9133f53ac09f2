using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Workflows.Engine.Journal;

/// <summary>
/// The one JSON form of journal events: camelCase properties, the event's name in <c>$type</c>. The
/// payload a journal row stores (and hashes) is exactly <see cref="Serialize"/>'s output, so every
/// writer must use these options — a second set of options would write rows that don't replay.
/// </summary>
public static class WorkflowEventSerializer
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static readonly IReadOnlyDictionary<Type, string> TypeNames = Options.GetTypeInfo(typeof(WorkflowEvent))
        .PolymorphismOptions!.DerivedTypes.ToDictionary(d => d.DerivedType, d => (string)d.TypeDiscriminator!);

    /// <summary>Every registered event type with its <c>$type</c> name (the journal's event type column).</summary>
    public static IReadOnlyDictionary<Type, string> EventTypes => TypeNames;

    public static string Serialize(WorkflowEvent e) => JsonSerializer.Serialize(e, Options);

    public static WorkflowEvent Deserialize(string payload) =>
        JsonSerializer.Deserialize<WorkflowEvent>(payload, Options)
        ?? throw new JsonException("A journal payload is the JSON literal null.");

    public static string EventTypeOf(WorkflowEvent e) =>
        TypeNames.TryGetValue(e.GetType(), out var name)
            ? name
            : throw new InvalidOperationException($"{e.GetType().Name} is not registered as a JsonDerivedType of WorkflowEvent.");

    /// <summary>
    /// <see cref="WorkflowEvent.ElementId"/> is derived (it repeats the node id) and has its own journal
    /// column; [JsonIgnore] on the base property doesn't reach the records' overrides, so it is dropped here.
    /// </summary>
    private static void OmitElementId(JsonTypeInfo typeInfo)
    {
        if (!typeInfo.Type.IsAssignableTo(typeof(WorkflowEvent))) return;
        var elementId = typeInfo.Properties.FirstOrDefault(p => p.Name == "elementId");
        if (elementId is not null) typeInfo.Properties.Remove(elementId);
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            // A store that reorders keys (PostgreSQL jsonb) must still be readable; hashes use the text as written.
            AllowOutOfOrderMetadataProperties = true,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitElementId } },
            Converters = { new JsonStringEnumConverter() },
        };
        options.MakeReadOnly();
        return options;
    }
}
