namespace Workflows.Escalations.Protocols;

/// <summary>An approval gate (<c>esc:gate</c>): what is asked and which role answers it.</summary>
public sealed record GateSettings
{
    public required string Title { get; init; }

    /// <summary>Role key of who completes the gate's user task.</summary>
    public required string Role { get; init; }
}
