using Workflows.Engine.Execution;
using Workflows.Engine.Journal;

namespace Workflows.Engine.Runtime;

/// <summary>
/// Everything one command changed, written in one transaction: the new state, the journal rows,
/// the timer rows to add and remove, and the outbox rows. <see cref="ExpectedVersion"/> is the
/// version the command read (0 = new instance); the store fails with
/// <see cref="ConcurrencyConflictException"/> when another command got there first.
/// </summary>
public sealed record InstanceCommit(
    InstanceState State,
    long ExpectedVersion,
    IReadOnlyList<JournalEntry> Journal,
    IReadOnlyList<TimerSubscription> TimersArmed,
    IReadOnlyList<string> TimersRemoved,
    IReadOnlyList<OutboxMessage> Outbox,
    string? IdempotencyKey = null,
    string? FiredTimerId = null);
