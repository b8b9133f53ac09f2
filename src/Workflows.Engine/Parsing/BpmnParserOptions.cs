namespace Workflows.Engine.Parsing;

/// <summary>How <see cref="BpmnParser"/> reads a file.</summary>
public sealed record BpmnParserOptions
{
    /// <summary>2 MiB: our protocols are ~50 KB; the largest MIWG reference file is ~240 KB.</summary>
    public const int DefaultMaxSizeBytes = 2 * 1024 * 1024;

    /// <summary>Files larger than this (in UTF-8 bytes for a string, raw bytes for a stream) are refused unread.</summary>
    public int MaxSizeBytes { get; init; } = DefaultMaxSizeBytes;

    /// <summary>
    /// The process to take when the file holds several. When null the parser takes the single process
    /// marked <c>isExecutable="true"</c>; if none is marked, the single process that leaves the attribute
    /// out. A process marked <c>isExecutable="false"</c> is documentation, never chosen by default — but
    /// naming it here parses it anyway (an explicit choice wins).
    /// </summary>
    public string? ProcessId { get; init; }

    /// <summary>
    /// Checks that a JavaScript expression (a condition or a non-ISO timer value) parses; returns an
    /// error text, or null when it is fine. The interpreter supplies a Jint-based checker; when null,
    /// expressions are taken on trust and fail only when evaluated.
    /// </summary>
    public Func<string, string?>? IsExpressionValid { get; init; }
}
