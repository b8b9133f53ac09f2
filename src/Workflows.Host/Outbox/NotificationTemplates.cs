using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Fluid;
using Microsoft.Extensions.Options;
using Workflows.Host.Storage;

namespace Workflows.Host.Outbox;

/// <summary>
/// The email templates: Liquid (Fluid) files <c>{templates}/&lt;protocol&gt;/&lt;template&gt;.liquid</c>, falling back
/// to <c>{templates}/default.liquid</c>. The first line is <c>Subject: …</c>, the rest is the plain-text body;
/// both are rendered with the same values. Parsed once per file (re-read when the file changes).
/// </summary>
public sealed partial class NotificationTemplates(IOptionsMonitor<EmailOptions> email, IOptions<StorageStartupOptions> storage)
{
    public const string Extension = ".liquid";
    public const string DefaultTemplate = "default";
    private const string SubjectPrefix = "Subject:";

    private static readonly FluidParser Parser = new();
    private static readonly TemplateOptions Options = new();
    private readonly ConcurrentDictionary<string, Parsed> _cache = new(StringComparer.Ordinal);

    private sealed record Parsed(DateTime WrittenAt, IFluidTemplate Subject, IFluidTemplate Body);

    /// <summary>The templates folder (absolute).</summary>
    public string Folder
    {
        get
        {
            var folder = email.CurrentValue.TemplatesFolder;
            return Path.IsPathRooted(folder) ? folder : Path.Combine(storage.Value.SeedFolderPath, folder);
        }
    }

    /// <summary>Renders the protocol's template (or the default) with <paramref name="values"/>.</summary>
    /// <exception cref="PermanentDeliveryException">No such template, or it can't be parsed.</exception>
    public async Task<(string Subject, string Body)> RenderAsync(string? protocol, string? template,
        IReadOnlyDictionary<string, object?> values)
    {
        var parsed = Load(protocol, template);
        var context = new TemplateContext(Options);
        foreach (var (name, value) in values) context.SetValue(name, value);
        var subject = (await parsed.Subject.RenderAsync(context, NullEncoder.Default)).Trim();
        var body = await parsed.Body.RenderAsync(context, NullEncoder.Default);
        // One line, however the template was written: a header can't carry line breaks.
        subject = string.Join(' ', subject.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return (subject, body.Trim('\r', '\n') + "\n");
    }

    private Parsed Load(string? protocol, string? template)
    {
        if (template is null || !SafeName().IsMatch(template))
            throw new PermanentDeliveryException($"The notification names no usable template ('{template ?? "(none)"}').");
        var folder = Folder;
        var candidates = new List<string>();
        if (protocol is not null && SafeName().IsMatch(protocol))
            candidates.Add(Path.Combine(folder, protocol, template + Extension));
        candidates.Add(Path.Combine(folder, DefaultTemplate + Extension));
        var path = candidates.FirstOrDefault(File.Exists) ?? throw new PermanentDeliveryException(
            $"No email template '{protocol}/{template}{Extension}' and no '{DefaultTemplate}{Extension}' in the templates folder.");

        var writtenAt = File.GetLastWriteTimeUtc(path);
        if (_cache.TryGetValue(path, out var cached) && cached.WrittenAt == writtenAt) return cached;

        var name = Path.GetRelativePath(folder, path);
        var text = File.ReadAllText(path).Replace("\r\n", "\n");
        var newline = text.IndexOf('\n');
        var first = newline < 0 ? text : text[..newline];
        if (!first.StartsWith(SubjectPrefix, StringComparison.OrdinalIgnoreCase))
            throw new PermanentDeliveryException($"Email template '{name}' must start with a 'Subject: …' line.");
        var body = newline < 0 ? "" : text[(newline + 1)..];
        var parsed = new Parsed(writtenAt, Parse(name, first[SubjectPrefix.Length..]), Parse(name, body));
        _cache[path] = parsed;
        return parsed;
    }

    private static IFluidTemplate Parse(string name, string source) =>
        Parser.TryParse(source, out var template, out var error)
            ? template
            : throw new PermanentDeliveryException($"Email template '{name}' can't be parsed: {error}");

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$")]
    private static partial Regex SafeName();
}
