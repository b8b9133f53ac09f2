using Workflows.Engine.Execution;
using Workflows.Engine.Runtime;
using Workflows.Escalations.Actions;
using Workflows.Escalations.Functions;
using Workflows.Escalations.Protocols;

namespace Workflows.Escalations;

/// <summary>
/// What the escalation domain adds to the engine: its actions (by <c>esc:action</c>) and the timer
/// functions over each protocol's calendar and windows. Hosts and tests build the runtime options here
/// so that both run the protocols exactly alike.
/// </summary>
public static class EscalationModule
{
    public static IReadOnlyList<IActionHandler> Actions() =>
    [
        new NotifyAction(), new CaseNoteAction(), new StageEnteredAction(), new GateRequestedAction(), new SetAction(),
        .. RecordedAction.All(),
    ];

    public static WorkflowRuntimeOptions RuntimeOptions(ProtocolCatalogue catalogue) => new()
    {
        ActionHandlers = Actions(),
        HostFunctions = EscalationFunctions.All(catalogue),
    };

    /// <summary>Publishes every protocol of the catalogue whose workflow is not yet stored (first start).</summary>
    public static async Task<IReadOnlyList<DefinitionRecord>> SeedAsync(ProtocolCatalogue catalogue,
        IDefinitionStore definitions, DateTimeOffset now, CancellationToken ct)
    {
        var published = new List<DefinitionRecord>();
        foreach (var entry in catalogue.Protocols)
        {
            if (await definitions.GetLatestPublishedAsync(entry.Key, ct) is not null) continue;
            published.Add(await definitions.PublishAsync(entry.Key, entry.Settings.Name, entry.BpmnXml, now, ct));
        }
        return published;
    }
}
