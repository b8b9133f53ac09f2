using System.Globalization;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Workflows.Escalations.Calendar;
using Workflows.Escalations.Functions;

namespace Workflows.Escalations.Protocols;

/// <summary>
/// The protocols the service runs: every <c>&lt;key&gt;.settings.json</c> + <c>&lt;key&gt;.bpmn</c> pair of a folder
/// (normally <c>workflows/</c>), with the problems found in them. A pair is checked both ways: every role,
/// template and gate an <c>esc:</c> attribute of the BPMN names must exist in the settings, and the settings'
/// own rungs and gates must name known roles. A protocol with problems is still listed (so a QA lead
/// sees it and what is wrong); <see cref="Problems"/> says what to fix.
/// </summary>
/// <remarks>Also the source of each protocol's time rules (<see cref="TimingsFor"/>) for the timer host functions.</remarks>
public sealed class ProtocolCatalogue : IProtocolTimingsSource
{
    public const string SettingsSuffix = ".settings.json";
    public const string BpmnSuffix = ".bpmn";

    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static readonly XNamespace Esc = "urn:iro-escalation-workflows:esc:1";

    /// <summary>The <c>esc:action</c> values the domain handles (docs/esc-extension.md).</summary>
    public static readonly IReadOnlySet<string> KnownActions = new HashSet<string>(StringComparer.Ordinal)
    {
        "notify", "case-note", "stage-entered", "gate-requested", "outcome-recorded", "themed-concern", "cafcass-referred", "set",
    };

    private readonly Dictionary<string, ProtocolEntry> _entries;
    private readonly Dictionary<string, ProtocolTimings> _timings;

    public ProtocolCatalogue(IEnumerable<ProtocolEntry> entries, IEnumerable<CatalogueProblem>? problems = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var found = new List<CatalogueProblem>(problems ?? []);
        _entries = new Dictionary<string, ProtocolEntry>(StringComparer.Ordinal);
        _timings = new Dictionary<string, ProtocolTimings>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!_entries.TryAdd(entry.Key, entry))
            {
                found.Add(new CatalogueProblem(entry.BpmnFile, null, $"a second protocol with key '{entry.Key}' was ignored"));
                continue;
            }
            try
            {
                _timings[entry.Key] = BuildTimings(entry.Settings);
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException)
            {
                found.Add(new CatalogueProblem(entry.Key + SettingsSuffix, null, $"the time rules can't be read: {ex.Message}"));
            }
        }
        Protocols = _entries.Values.OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
        Keys = Protocols.Select(e => e.Key).ToList();
        Problems = found;
    }

    /// <summary>Protocol keys in ordinal order.</summary>
    public IReadOnlyList<string> Keys { get; }

    public IReadOnlyList<ProtocolEntry> Protocols { get; }

    /// <summary>Everything found wrong while loading and checking; empty when every pair fits.</summary>
    public IReadOnlyList<CatalogueProblem> Problems { get; }

    public ProtocolSettings? Find(string key) => FindEntry(key)?.Settings;

    public ProtocolEntry? FindEntry(string key) =>
        key is not null && _entries.TryGetValue(key, out var entry) ? entry : null;

    /// <summary>The protocol's calendar, RAG table / fixed window, reminder and whole-process limit.</summary>
    /// <exception cref="KeyNotFoundException">No such protocol, or its time rules could not be read (see <see cref="Problems"/>).</exception>
    public ProtocolTimings TimingsFor(string key) =>
        key is not null && _timings.TryGetValue(key, out var timings)
            ? timings
            : throw new KeyNotFoundException(_entries.ContainsKey(key!)
                ? $"Protocol '{key}' has time rules that can't be read: {string.Join("; ", Problems.Where(p => p.File.StartsWith(key + ".", StringComparison.Ordinal)))}"
                : $"No protocol '{key}'. Known: {string.Join(", ", Keys)}.");

    ProtocolTimings IProtocolTimingsSource.For(string protocolKey) => TimingsFor(protocolKey);

    /// <summary>
    /// Loads every <c>*.settings.json</c> in <paramref name="folder"/> (not its sub-folders) with the
    /// <c>.bpmn</c> of the same name, and checks each pair. Missing partners, unreadable JSON and malformed
    /// XML are problems, not exceptions.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static async Task<ProtocolCatalogue> LoadAsync(string folder, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"No protocol folder '{folder}'.");

        var entries = new List<ProtocolEntry>();
        var problems = new List<CatalogueProblem>();
        var settingsFiles = Directory.GetFiles(folder, "*" + SettingsSuffix, SearchOption.TopDirectoryOnly)
            .OrderBy(f => f, StringComparer.Ordinal).ToList();
        foreach (var settingsPath in settingsFiles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var settingsFile = Path.GetFileName(settingsPath);
            var key = settingsFile[..^SettingsSuffix.Length];
            var bpmnFile = key + BpmnSuffix;
            var bpmnPath = Path.Combine(folder, bpmnFile);

            ProtocolSettings settings;
            try
            {
                await using var stream = File.OpenRead(settingsPath);
                settings = await ProtocolSettings.FromJsonAsync(stream, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException ex)
            {
                problems.Add(new CatalogueProblem(settingsFile, null, $"not valid settings JSON: {ex.Message}"));
                continue;
            }
            if (!string.Equals(settings.Key, key, StringComparison.Ordinal))
                problems.Add(new CatalogueProblem(settingsFile, null, $"its key '{settings.Key}' differs from the file name '{key}'"));
            if (!File.Exists(bpmnPath))
            {
                problems.Add(new CatalogueProblem(settingsFile, null, $"no {bpmnFile} beside it"));
                continue;
            }
            var xml = await File.ReadAllTextAsync(bpmnPath, cancellationToken).ConfigureAwait(false);
            problems.AddRange(Validate(settings, xml, bpmnFile));
            entries.Add(new ProtocolEntry(settings, bpmnFile, xml));
        }
        foreach (var bpmnPath in Directory.GetFiles(folder, "*" + BpmnSuffix, SearchOption.TopDirectoryOnly).OrderBy(f => f, StringComparer.Ordinal))
        {
            var bpmnFile = Path.GetFileName(bpmnPath);
            if (!File.Exists(Path.Combine(folder, bpmnFile[..^BpmnSuffix.Length] + SettingsSuffix)))
                problems.Add(new CatalogueProblem(bpmnFile, null, $"no {bpmnFile[..^BpmnSuffix.Length]}{SettingsSuffix} beside it"));
        }
        return new ProtocolCatalogue(entries, problems);
    }

    /// <summary>
    /// Checks one settings + BPMN pair: the settings' rungs and gates name known roles, their windows parse,
    /// and every <c>esc:</c> reference in the BPMN (roles, templates, gates, actions, stages) resolves.
    /// </summary>
    public static IReadOnlyList<CatalogueProblem> Validate(ProtocolSettings settings, string bpmnXml, string bpmnFile)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(bpmnXml);
        var problems = new List<CatalogueProblem>();
        var settingsFile = settings.Key + SettingsSuffix;
        void SettingsProblem(string message) => problems.Add(new CatalogueProblem(settingsFile, null, message));
        void Problem(string? id, string message) => problems.Add(new CatalogueProblem(bpmnFile, id, message));

        CheckSettings(settings, SettingsProblem);

        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(bpmnXml), new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
            });
            document = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            Problem(null, $"not well-formed XML: {ex.Message}");
            return problems;
        }
        if (document.Root?.Name != Bpmn + "definitions")
        {
            Problem(null, "not a BPMN 2.0 file (the root is not bpmn:definitions)");
            return problems;
        }
        if (!document.Root.Elements(Bpmn + "process").Any(p => (string?)p.Attribute("isExecutable") == "true"))
            Problem(null, "no process is marked isExecutable=\"true\"");

        var stages = settings.Rungs.Select(r => r.Stage.ToString(CultureInfo.InvariantCulture)).ToHashSet(StringComparer.Ordinal);
        foreach (var element in document.Descendants().Where(e => e.Name.Namespace == Bpmn))
        {
            var id = (string?)element.Attribute("id");
            string? Attr(string name) => ((string?)element.Attribute(Esc + name))?.Trim() is { Length: > 0 } v ? v : null;

            void Role(string attribute, string? role)
            {
                if (role is not null && !settings.Roles.ContainsKey(role))
                    Problem(id, $"esc:{attribute} '{role}' is not a role in {settingsFile} (roles: {string.Join(", ", settings.Roles.Keys)})");
            }

            Role("recipientRole", Attr("recipientRole"));
            foreach (var cc in (Attr("ccRoles") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                Role("ccRoles", cc);
            Role("assigneeRole", Attr("assigneeRole"));

            if (Attr("template") is { } template && !settings.Templates.Contains(template, StringComparer.Ordinal))
                Problem(id, $"esc:template '{template}' is not a template in {settingsFile}");

            if (Attr("gate") is { } gate)
            {
                if (!settings.Gates.TryGetValue(gate, out var gateSettings))
                    Problem(id, $"esc:gate '{gate}' is not a gate in {settingsFile}");
                else if (element.Name.LocalName == "userTask" && Attr("assigneeRole") is { } assignee && assignee != gateSettings.Role)
                    Problem(id, $"gate '{gate}' is answered by '{gateSettings.Role}' in {settingsFile}, but the task is assigned to '{assignee}'");
            }

            if (Attr("stage") is { } stage && stage != "cafcass" && !stages.Contains(stage))
                Problem(id, $"esc:stage '{stage}' is not a rung in {settingsFile} (stages: {string.Join(", ", stages)}, cafcass)");

            if (element.Name.LocalName == "userTask" && Attr("assigneeRole") is null)
                Problem(id, "a user task needs esc:assigneeRole: who must complete it");

            var action = Attr("action");
            if (action is null) continue;
            if (!KnownActions.Contains(action))
            {
                Problem(id, $"esc:action '{action}' is not a known action ({string.Join(", ", KnownActions)})");
                continue;
            }
            var required = action switch
            {
                "notify" => new[] { "recipientRole", "template" },
                "case-note" => ["note"],
                "stage-entered" => ["stage"],
                "gate-requested" => ["gate"],
                "set" => ["variable"],
                _ => [],
            };
            foreach (var attribute in required.Where(a => Attr(a) is null))
                Problem(id, $"esc:action '{action}' needs esc:{attribute}");
        }
        return problems;
    }

    private static void CheckSettings(ProtocolSettings settings, Action<string> problem)
    {
        bool KnownRole(string role) => settings.Roles.ContainsKey(role);
        if (settings.Rungs.Count == 0) problem("no rungs");
        foreach (var duplicate in settings.Rungs.GroupBy(r => r.Stage).Where(g => g.Count() > 1))
            problem($"stage {duplicate.Key} appears {duplicate.Count()} times");
        foreach (var rung in settings.Rungs)
        {
            if (!KnownRole(rung.RecipientRole)) problem($"rung {rung.Stage} ('{rung.Title}'): recipient role '{rung.RecipientRole}' is not in roles");
            foreach (var cc in rung.CcRoles.Where(cc => !KnownRole(cc)))
                problem($"rung {rung.Stage} ('{rung.Title}'): CC role '{cc}' is not in roles");
        }
        foreach (var (key, gate) in settings.Gates)
        {
            if (!KnownRole(gate.Role)) problem($"gate '{key}': role '{gate.Role}' is not in roles");
        }
        if (settings.Rungs.Any(r => r.Window == "rag") && settings.RagTable is not { Count: > 0 })
            problem("a rung's window is 'rag' but there is no ragTable");
        // An informal rung may have a window of its own (000: "within 5 working days"); formal rungs use the fixed window.
        if (settings.Rungs.Any(r => r.Kind == "formal" && r.Window != "rag" && r.Window != "none") && settings.FixedWindow is null)
            problem("a formal rung has a fixed window but fixedWindow is not set");
        if (settings.Categories.Count == 0) problem("no concern categories");
        if (settings.Cafcass is { Allowed: true, When: not ("any-time" or "after-ladder") })
            problem($"cafcass.when '{settings.Cafcass.When}' is neither 'any-time' nor 'after-ladder'");
    }

    private static ProtocolTimings BuildTimings(ProtocolSettings settings) =>
        new(
            new WorkingDayCalendar(new CalendarOptions { ClosureDays = settings.ClosureDays.ToList() }),
            settings.RagTable is { Count: > 0 } rag ? RagTable.Parse(rag) : null,
            settings.FixedWindow is { } fixedWindow ? ResponseWindow.Parse(fixedWindow) : null,
            settings.ReminderBefore is { } reminder ? ResponseWindow.Parse(reminder) : null,
            settings.OverallLimit is { } overall ? ResponseWindow.Parse(overall) : null);
}
