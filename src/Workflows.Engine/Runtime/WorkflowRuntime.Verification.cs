using Workflows.Engine.Journal;

namespace Workflows.Engine.Runtime;

public sealed partial class WorkflowRuntime
{
    /// <summary>
    /// The auditor's check of one instance: the journal's hash chain holds, it ends where the stored state
    /// says, and replaying it rebuilds exactly the stored state.
    /// </summary>
    public async Task<VerificationResult> VerifyAsync(string instanceId, CancellationToken ct = default)
    {
        var stored = await instances.LoadAsync(instanceId, ct);
        if (stored is null) return VerificationResult.Failed(0, $"Instance {instanceId} was not found.");
        var journal = await instances.ReadJournalAsync(instanceId, ct);
        var chain = JournalVerifier.Verify(journal, stored.State);
        if (!chain.IsValid) return chain;
        var replayed = InstanceStateSerializer.Serialize(JournalReplayer.Replay(journal));
        return replayed == InstanceStateSerializer.Serialize(stored.State)
            ? VerificationResult.Valid
            : VerificationResult.Failed(stored.State.LastSequence,
                "replaying the journal does not rebuild the stored state: the state was changed outside the journal.");
    }
}
