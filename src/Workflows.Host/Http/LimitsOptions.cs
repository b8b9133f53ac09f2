using System.ComponentModel.DataAnnotations;

namespace Workflows.Host.Http;

/// <summary>Configuration section <c>Limits</c>: request body sizes and the per-caller rate limit.</summary>
public sealed class LimitsOptions
{
    public const string Section = "Limits";

    /// <summary>Largest JSON body (default 1 MiB): an escalation is a few KB of text.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public long JsonBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Largest BPMN body (default 2 MiB, the parser's own limit).</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public long BpmnBodyBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Requests per caller (API key, else person, else IP address) per window.</summary>
    [Range(1, 1_000_000)]
    public int PermitsPerWindow { get; set; } = 600;

    [Range(1, 3600)]
    public int WindowSeconds { get; set; } = 60;
}
