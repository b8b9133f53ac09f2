using System.Collections.Concurrent;
using Workflows.Engine.Execution;
using Workflows.Engine.Parsing;

namespace Workflows.Engine.Runtime;

/// <summary>
/// Parsed definitions (as interpreters), by key and version. A published version never changes, so a
/// cached entry is reused without asking the store again; whenever a record is at hand its content hash
/// is compared, so a store that did replace a version can never be run with the old graph.
/// </summary>
internal sealed class DefinitionCache(BpmnParserOptions parserOptions, InterpreterServices services)
{
    private readonly ConcurrentDictionary<(string Key, int Version), Entry> entries = new();

    public bool TryGet(string key, int version, out Interpreter interpreter)
    {
        var found = entries.TryGetValue((key, version), out var entry);
        interpreter = entry?.Interpreter!;
        return found;
    }

    public Interpreter Get(DefinitionRecord record)
    {
        var slot = (record.Key, record.Version);
        if (entries.TryGetValue(slot, out var entry) && entry.ContentHash == record.ContentHash) return entry.Interpreter;
        var parsed = BpmnParser.Parse(record.Xml, parserOptions);
        if (parsed.Definition is null || parsed.Errors.Count > 0)
            throw new InvalidOperationException(
                $"Process '{record.Key}' version {record.Version} does not parse: {string.Join("; ", parsed.Errors)}");
        entry = new Entry(record.ContentHash, new Interpreter(parsed.Definition, services));
        entries[slot] = entry;
        return entry.Interpreter;
    }

    private sealed record Entry(string ContentHash, Interpreter Interpreter);
}
