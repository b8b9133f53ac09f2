namespace Workflows.Engine.EntityFrameworkCore.Entities;

/// <summary>
/// An index of the message waits held in instance states, rewritten from the state at every commit,
/// so that correlating a message is an index lookup on (message name, correlation key) rather than
/// a scan of every state.
/// </summary>
public sealed class MessageSubscriptionRow
{
    public string InstanceId { get; set; } = "";
    public string SubscriptionId { get; set; } = "";
    public string MessageName { get; set; } = "";
    public string? CorrelationKey { get; set; }
    public string NodeId { get; set; } = "";
}
