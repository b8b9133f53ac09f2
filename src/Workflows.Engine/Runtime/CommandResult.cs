using Workflows.Engine.Execution;
using Workflows.Engine.Journal;

namespace Workflows.Engine.Runtime;

/// <summary>What a command left behind.</summary>
/// <param name="State">The instance's state after the command (as committed).</param>
/// <param name="Version">The instance's version after the command (1 after a start; unchanged when nothing happened).</param>
/// <param name="Journal">The rows this command appended; empty when it changed nothing (a timer already fired,
/// or a start that found an existing instance by its idempotency key).</param>
/// <param name="Created">True only for the start that created the instance.</param>
public sealed record CommandResult(string InstanceId, InstanceState State, long Version, IReadOnlyList<JournalEntry> Journal,
    bool Created);
