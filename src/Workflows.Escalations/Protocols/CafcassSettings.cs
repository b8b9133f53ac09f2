namespace Workflows.Escalations.Protocols;

/// <summary>A protocol's Cafcass route. Only an IRO may refer, and only for a child in care.</summary>
public sealed record CafcassSettings
{
    public required bool Allowed { get; init; }

    /// <summary><c>any-time</c> (alongside the ladder: 000, 002, 004) or <c>after-ladder</c> (001, 003).</summary>
    public required string When { get; init; }

    /// <summary>What must happen first, e.g. <c>independent-legal-advice</c>, <c>inform-deputy-director</c>.</summary>
    public IReadOnlyList<string> Requires { get; init; } = [];
}
