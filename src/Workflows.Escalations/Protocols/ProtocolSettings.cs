using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflows.Escalations.Protocols;

/// <summary>
/// One protocol's settings, read from <c>workflows/&lt;key&gt;.settings.json</c> beside its BPMN file: the
/// authority's own role titles, its rungs, response windows, concern categories, notification templates,
/// approval gates and Cafcass route. The BPMN's <c>esc:</c> attributes refer to these by key
/// (<see cref="ProtocolCatalogue.Validate"/> checks that every reference resolves).
/// </summary>
public sealed record ProtocolSettings
{
    /// <summary>camelCase JSON, comments and trailing commas allowed (the files are edited by people).</summary>
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The process definition key, e.g. <c>north-somerset</c>; also the file name.</summary>
    public required string Key { get; init; }

    /// <summary>The protocol's own name, e.g. "ISRO Issue Resolution Protocol".</summary>
    public required string Name { get; init; }

    public required string Authority { get; init; }

    /// <summary>Where case notes are written: Mosaic, LCS, I3, Carefirst, or the child's electronic file.</summary>
    public required string CaseSystem { get; init; }

    /// <summary>The source document in shared/protocols, for traceability.</summary>
    public string? Source { get; init; }

    /// <summary>The BPMN process id.</summary>
    public string? ProcessId { get; init; }

    /// <summary>Role key (used by <c>esc:recipientRole</c>, <c>esc:ccRoles</c>, <c>esc:assigneeRole</c>) → the authority's title.</summary>
    public IReadOnlyDictionary<string, string> Roles { get; init; } = new Dictionary<string, string>();

    /// <summary>The ladder, informal rung (stage 0) first.</summary>
    public IReadOnlyList<RungSettings> Rungs { get; init; } = [];

    /// <summary>RAG rating → window (<c>"5wd"</c>, <c>"25h"</c>) for RAG-rated protocols; null otherwise.</summary>
    public IReadOnlyDictionary<string, string>? RagTable { get; init; }

    /// <summary>The per-level window (<c>"5wd"</c>) for protocols without a RAG table; null otherwise.</summary>
    public string? FixedWindow { get; init; }

    /// <summary>How long before a window ends its reminder goes (<c>"1wd"</c>).</summary>
    public string? ReminderBefore { get; init; }

    /// <summary>The whole-process limit from the first formal escalation (<c>"20wd"</c>), or null.</summary>
    public string? OverallLimit { get; init; }

    /// <summary>Days the authority is closed besides bank holidays (not working days).</summary>
    public IReadOnlyList<DateOnly> ClosureDays { get; init; } = [];

    /// <summary>The concern categories the protocol records a concern under.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Notification templates the workflow's notify tasks use.</summary>
    public IReadOnlyList<string> Templates { get; init; } = [];

    /// <summary>Gate key (<c>esc:gate</c>) → its title and the role that answers it.</summary>
    public IReadOnlyDictionary<string, GateSettings> Gates { get; init; } = new Dictionary<string, GateSettings>();

    /// <summary>The Cafcass route, or null when the settings say nothing about it.</summary>
    public CafcassSettings? Cafcass { get; init; }

    /// <summary>Reads settings JSON.</summary>
    /// <exception cref="JsonException">Not valid settings JSON (a required field missing, a wrong type).</exception>
    public static ProtocolSettings FromJson(string json) =>
        JsonSerializer.Deserialize<ProtocolSettings>(json, JsonOptions)
        ?? throw new JsonException("The settings file holds null.");

    /// <summary>Reads settings JSON from a stream.</summary>
    /// <exception cref="JsonException">Not valid settings JSON.</exception>
    public static async Task<ProtocolSettings> FromJsonAsync(Stream json, CancellationToken cancellationToken = default) =>
        await JsonSerializer.DeserializeAsync<ProtocolSettings>(json, JsonOptions, cancellationToken).ConfigureAwait(false)
        ?? throw new JsonException("The settings file holds null.");

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}
