using System.Text;
using System.Xml;
using System.Xml.Linq;
using Workflows.Engine.Model;

namespace Workflows.Engine.Parsing;

/// <summary>
/// BPMN 2.0 XML → <see cref="ProcessDefinition"/>, or every reason it can't be run. Reads the subset
/// the engine executes (see <c>README.md</c> beside this file), skips diagram and documentation-only content,
/// and refuses everything else by element id and type.
/// </summary>
/// <remarks>
/// Input is untrusted (a QA lead uploads it): it never throws for bad content. DTDs are refused,
/// so no entity expansion (billion laughs) and no external entities (XXE); nothing is resolved from
/// disk or network; size is capped before reading. Only a null argument, a failing stream or a
/// cancelled token throws.
/// </remarks>
public static class BpmnParser
{
    private const string DocumentType = "definitions";

    /// <summary>
    /// Element nesting allowed in a file: room for 32 levels of sub-process plus vendor extension
    /// content, far below what makes tree building slow.
    /// </summary>
    private const int MaxXmlDepth = 128;

    public static ParseResult Parse(string xml, BpmnParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(xml);
        options ??= new BpmnParserOptions();
        // Every char takes at least one UTF-8 byte, so the length alone rejects most oversized text
        // without walking it.
        if (xml.Length > options.MaxSizeBytes || Encoding.UTF8.GetByteCount(xml) > options.MaxSizeBytes)
            return TooLarge(options);
        return Parse(() => XmlReader.Create(new StringReader(xml), ReaderSettings(options)), options,
            () => xml.Contains("<!DOCTYPE", StringComparison.Ordinal));
    }

    /// <summary>
    /// Reads the stream into memory, stopping as soon as it passes <see cref="BpmnParserOptions.MaxSizeBytes"/>
    /// (a seekable stream is refused by its length, unread), then parses. The encoding comes from the
    /// byte-order mark or the XML declaration.
    /// </summary>
    public static async Task<ParseResult> ParseAsync(Stream stream, BpmnParserOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= new BpmnParserOptions();
        var bytes = await ReadAtMostAsync(stream, options.MaxSizeBytes, cancellationToken).ConfigureAwait(false);
        if (bytes is null) return TooLarge(options);
        return Parse(() => XmlReader.Create(new MemoryStream(bytes, writable: false), ReaderSettings(options)), options,
            () => bytes.AsSpan().IndexOf("<!DOCTYPE"u8) >= 0);
    }

    private static XmlReaderSettings ReaderSettings(BpmnParserOptions options) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        MaxCharactersInDocument = Math.Max(options.MaxSizeBytes, 0),
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    private static async Task<byte[]?> ReadAtMostAsync(Stream stream, int maxBytes, CancellationToken cancellationToken)
    {
        if (stream.CanSeek && stream.Length - stream.Position > maxBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// Two passes over the in-memory text: a streaming one that checks well-formedness and nesting
    /// depth, then the load into a tree. The first pass exists because building an
    /// <see cref="XDocument"/> slows quadratically with nesting depth — a 2 MiB file of nested
    /// elements would otherwise hold a thread for tens of seconds.
    /// </summary>
    private static ParseResult Parse(Func<XmlReader> openReader, BpmnParserOptions options, Func<bool> declaresDoctype)
    {
        XDocument document;
        try
        {
            using (var scan = openReader())
            {
                while (scan.Read())
                {
                    if (scan.Depth > MaxXmlDepth)
                    {
                        var line = (IXmlLineInfo)scan;
                        return Failure(null, DocumentType,
                            $"the file nests elements more than {MaxXmlDepth} deep (line {line.LineNumber}, position {line.LinePosition}); no BPMN diagram needs that");
                    }
                }
            }
            using var reader = openReader();
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            return Failure(null, DocumentType, declaresDoctype()
                ? "the file declares a DTD (<!DOCTYPE …>), which is refused: BPMN files never need one, and DTD entities allow entity-expansion and external-entity attacks"
                : $"the file is not well-formed XML at line {ex.LineNumber}, position {ex.LinePosition}: {ex.Message}");
        }

        var root = document.Root!;
        if (root.Name != BpmnVocabulary.Model + DocumentType)
        {
            return Failure(null, root.Name.LocalName,
                $"the file is not BPMN 2.0: its root element is <{root.Name.LocalName}> in namespace '{root.Name.NamespaceName}', not <definitions> in '{BpmnVocabulary.Model.NamespaceName}'");
        }

        var process = SelectProcess(root, options, out var selectionError);
        if (process is null) return new ParseResult(null, [selectionError!]);

        var reading = BpmnReader.Read(root, process);
        var errors = reading.Errors.Concat(BpmnValidator.Validate(reading, options)).ToList();
        if (errors.Count > 0) return new ParseResult(null, errors);
        var definition = new ProcessDefinition(reading.Id, reading.Name, reading.Elements, reading.Lanes, reading.Documentation);
        return new ParseResult(definition, []);
    }

    /// <summary>
    /// Which process to run: the one named by <see cref="BpmnParserOptions.ProcessId"/> (whatever its
    /// isExecutable says — an explicit choice wins); else the single process marked
    /// <c>isExecutable="true"</c>; else the single process without the attribute. A process marked
    /// <c>isExecutable="false"</c> is documentation and is never picked by default. Pools
    /// (collaboration, participants, message flows) are ignored: the process is what runs.
    /// </summary>
    private static XElement? SelectProcess(XElement definitions, BpmnParserOptions options, out ValidationError? error)
    {
        error = null;
        var processes = definitions.Elements(BpmnVocabulary.Model + "process").ToList();

        if (options.ProcessId is { } wanted)
        {
            var chosen = processes.FirstOrDefault(p => ((string?)p.Attribute("id"))?.Trim() == wanted);
            if (chosen is null)
            {
                error = new ValidationError(wanted, "process", processes.Count == 0
                    ? $"the file has no process '{wanted}': it has no process at all"
                    : $"the file has no process '{wanted}'; its processes are {Ids(processes)}");
            }
            return chosen;
        }

        if (processes.Count == 0)
        {
            error = new ValidationError(null, DocumentType, "the file has no process to run");
            return null;
        }
        foreach (var marking in new bool?[] { true, null })
        {
            var candidates = processes.Where(p => IsExecutable(p) == marking).ToList();
            if (candidates.Count == 1) return candidates[0];
            if (candidates.Count > 1)
            {
                var which = marking is null ? "processes without isExecutable" : "executable processes";
                error = new ValidationError(null, DocumentType,
                    $"the file has {candidates.Count} {which} ({Ids(candidates)}): choose one with the ProcessId option");
                return null;
            }
        }
        error = new ValidationError(null, DocumentType,
            $"no process is executable: every process ({Ids(processes)}) is marked isExecutable=\"false\"; set isExecutable=\"true\" on the one to run");
        return null;
    }

    /// <summary>True or false as written (xsd:boolean), null when absent. Anything unreadable counts as false.</summary>
    private static bool? IsExecutable(XElement process) =>
        ((string?)process.Attribute("isExecutable"))?.Trim() switch
        {
            null => null,
            "true" or "1" => true,
            _ => false,
        };

    private static string Ids(IEnumerable<XElement> processes) =>
        string.Join(", ", processes.Select(p => $"'{(string?)p.Attribute("id")}'"));

    private static ParseResult TooLarge(BpmnParserOptions options) =>
        Failure(null, DocumentType, $"the file is larger than the limit of {options.MaxSizeBytes} bytes");

    private static ParseResult Failure(string? id, string type, string message) =>
        new(null, [new ValidationError(id, type, message)]);
}
