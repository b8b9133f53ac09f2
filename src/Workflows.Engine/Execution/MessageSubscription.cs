namespace Workflows.Engine.Execution;

/// <summary>A wait for a message by name; <see cref="OwnerId"/> as for <see cref="TimerSubscription"/>.</summary>
public sealed record MessageSubscription(string SubscriptionId, string MessageName, string NodeId, string? OwnerId);
