using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Workflows.Engine.Execution;
using Workflows.Engine.Journal;

namespace Workflows.Engine.Tests.Journal;

/// <summary>The journal's vocabulary stays disciplined: sealed records, past-tense names, all registered, all applied.</summary>
public sealed class WorkflowEventConventionTests
{
    public static TheoryData<Type> EventTypes() =>
        new(typeof(WorkflowEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(WorkflowEvent))).OrderBy(t => t.Name));

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void Every_event_is_a_sealed_record_with_a_past_tense_name(Type type)
    {
        Assert.True(type.IsSealed, $"{type.Name} must be sealed.");
        Assert.NotNull(type.GetMethod("<Clone>$")); // the compiler's mark of a record
        Assert.True(type.Name.EndsWith("ed", StringComparison.Ordinal) || IrregularPastTense.Any(type.Name.EndsWith),
            $"{type.Name} should be named in the past tense (something that happened).");
    }

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void Every_event_is_registered_for_json_under_its_own_name(Type type)
    {
        var registered = typeof(WorkflowEvent).GetCustomAttributes<JsonDerivedTypeAttribute>()
            .SingleOrDefault(a => a.DerivedType == type);
        Assert.NotNull(registered);
        Assert.Equal(type.Name, registered.TypeDiscriminator);
        Assert.Equal(type.Name, WorkflowEventSerializer.EventTypes[type]);
    }

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void Every_event_has_an_Apply_and_round_trips_through_its_journal_form(Type type)
    {
        var e = Sample(type);
        var state = new InstanceState();
        state.Apply(e, DateTimeOffset.UnixEpoch); // throws "No Apply for event …" when a case is missing

        var payload = WorkflowEventSerializer.Serialize(e);
        Assert.Equal(payload, WorkflowEventSerializer.Serialize(WorkflowEventSerializer.Deserialize(payload)));
    }

    private static readonly string[] IrregularPastTense = ["Sent", "Begun", "Taken", "Withdrawn", "Made", "Held", "Run"];

    private static WorkflowEvent Sample(Type type)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var arguments = constructor.GetParameters().Select(p => p.ParameterType switch
        {
            var t when t == typeof(string) => (object?)"a1",
            var t when t == typeof(int) => 1,
            var t when t == typeof(DateTimeOffset) => DateTimeOffset.UnixEpoch,
            var t when t == typeof(JsonObject) => new JsonObject { ["x"] = 1 },
            var t when t == typeof(IReadOnlyList<string>) => new List<string> { "F_1" },
            var t when t.IsValueType => RuntimeHelpers.GetUninitializedObject(t),
            _ => null,
        }).ToArray();
        return (WorkflowEvent)constructor.Invoke(arguments);
    }
}
