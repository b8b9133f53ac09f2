using Workflows.Engine.Runtime;
using static Workflows.Engine.EntityFrameworkCore.Tests.Infrastructure.Instances;

namespace Workflows.Engine.EntityFrameworkCore.Tests.Stores;

public abstract partial class StoreContractTests
{
    private async Task<string> InstanceWithOutboxAsync(params OutboxMessage[] messages)
    {
        var id = messages.Length > 0 ? messages[0].InstanceId : NewId();
        var state = State(id);
        await InstanceStore.CommitAsync(Started(state) with { Outbox = messages }, None);
        return id;
    }

    [Fact]
    public async Task Outbox_rows_committed_with_an_instance_are_claimed_once_per_lease()
    {
        var id = NewId();
        await InstanceWithOutboxAsync(
            new OutboxMessage($"{id}/e2", id, "case-note", """{"text":"b"}""", T0.AddSeconds(2)),
            new OutboxMessage($"{id}/e1", id, "notify", """{"to":"iro@example.org"}""", T0.AddSeconds(1)));

        var claimed = await OutboxStore.ClaimDueAsync(T0.AddMinutes(1), 10, "dispatcher-a", Lease, None);
        Assert.Equal([$"{id}/e1", $"{id}/e2"], claimed.Select(m => m.Id));
        Assert.Equal(new OutboxMessage($"{id}/e1", id, "notify", """{"to":"iro@example.org"}""", T0.AddSeconds(1), 0,
            T0.AddSeconds(1), null), claimed[0]);
        Assert.Empty(await OutboxStore.ClaimDueAsync(T0.AddMinutes(1), 10, "dispatcher-b", Lease, None));
        // Dispatcher A died before marking them: after its lease they are claimed again.
        Assert.Equal(2, (await OutboxStore.ClaimDueAsync(T0.AddMinutes(1) + Lease, 10, "dispatcher-b", Lease, None)).Count);
    }

    [Fact]
    public async Task A_delivered_message_is_never_claimed_again()
    {
        var id = NewId();
        await InstanceWithOutboxAsync(new OutboxMessage($"{id}/e1", id, "notify", "{}", T0));
        await OutboxStore.ClaimDueAsync(T0, 10, "dispatcher", Lease, None);

        await OutboxStore.MarkDeliveredAsync($"{id}/e1", T0.AddSeconds(1), None);

        Assert.Empty(await OutboxStore.ClaimDueAsync(T0.AddDays(1), 10, "dispatcher", Lease, None));
    }

    [Fact]
    public async Task A_failed_attempt_is_retried_at_the_given_time_with_its_error_and_count()
    {
        var id = NewId();
        await InstanceWithOutboxAsync(new OutboxMessage($"{id}/e1", id, "notify", "{}", T0));
        await OutboxStore.ClaimDueAsync(T0, 10, "dispatcher", Lease, None);

        await OutboxStore.MarkFailedAsync($"{id}/e1", "SMTP 451 try later", T0.AddMinutes(5), None);

        Assert.Empty(await OutboxStore.ClaimDueAsync(T0.AddMinutes(4), 10, "dispatcher", Lease, None));
        var retried = Assert.Single(await OutboxStore.ClaimDueAsync(T0.AddMinutes(5), 10, "dispatcher", Lease, None));
        Assert.Equal(1, retried.Attempts);
        Assert.Equal("SMTP 451 try later", retried.LastError);
        Assert.Equal(T0.AddMinutes(5), retried.NextAttemptAt);
    }

    [Fact]
    public async Task A_message_that_failed_for_good_is_not_claimed_again()
    {
        var id = NewId();
        await InstanceWithOutboxAsync(new OutboxMessage($"{id}/e1", id, "notify", "{}", T0));
        await OutboxStore.ClaimDueAsync(T0, 10, "dispatcher", Lease, None);

        await OutboxStore.MarkFailedAsync($"{id}/e1", "550 no such mailbox", retryAt: null, None);

        Assert.Empty(await OutboxStore.ClaimDueAsync(T0.AddYears(1), 10, "dispatcher", Lease, None));
    }

    [Fact]
    public async Task An_outbox_id_is_written_once()
    {
        var id = NewId();
        var state = State(id);
        await InstanceStore.CommitAsync(Started(state) with { Outbox = [new OutboxMessage($"{id}/e1", id, "notify", "{}", T0)] }, None);
        await ConflictAsync(Next(state, 1, outbox: [new OutboxMessage($"{id}/e1", id, "notify", "{}", T0)]));
    }
}
