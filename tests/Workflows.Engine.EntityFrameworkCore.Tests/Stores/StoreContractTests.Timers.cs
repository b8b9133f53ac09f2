using Workflows.Engine.Runtime;
using static Workflows.Engine.EntityFrameworkCore.Tests.Infrastructure.Instances;

namespace Workflows.Engine.EntityFrameworkCore.Tests.Stores;

public abstract partial class StoreContractTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Only_timers_that_are_due_are_claimed_earliest_first_and_at_most_max()
    {
        var id = NewId();
        await InstanceStore.CommitAsync(Started(State(id),
            Timer("t3", T0.AddMinutes(3)), Timer("t1", T0.AddMinutes(1)), Timer("t2", T0.AddMinutes(2)), Timer("t9", T0.AddHours(9))), None);

        var claimed = await TimerStore.ClaimDueAsync(T0.AddMinutes(5), 2, "pump-a", Lease, None);
        Assert.Equal(["t1", "t2"], claimed.Select(t => t.TimerId));
        Assert.Equal(T0.AddMinutes(1), claimed[0].DueAt);

        var rest = await TimerStore.ClaimDueAsync(T0.AddMinutes(5), 10, "pump-a", Lease, None);
        Assert.Equal(["t3"], rest.Select(t => t.TimerId));
    }

    [Fact]
    public async Task A_leased_timer_is_not_claimed_by_another_pump_until_the_lease_expires()
    {
        var id = NewId();
        await InstanceStore.CommitAsync(Started(State(id), Timer("t1", T0)), None);

        Assert.Single(await TimerStore.ClaimDueAsync(T0, 10, "pump-a", Lease, None));
        Assert.Empty(await TimerStore.ClaimDueAsync(T0, 10, "pump-b", Lease, None));
        Assert.Empty(await TimerStore.ClaimDueAsync(T0 + Lease - TimeSpan.FromTicks(10), 10, "pump-b", Lease, None));

        // Pump A died without firing: after its lease, pump B takes the timer over.
        var takenOver = await TimerStore.ClaimDueAsync(T0 + Lease, 10, "pump-b", Lease, None);
        Assert.Equal([new DueTimer(id, "t1", T0)], takenOver);
        Assert.Empty(await TimerStore.ClaimDueAsync(T0 + Lease, 10, "pump-a", Lease, None));
    }

    [Fact]
    public async Task Next_due_is_the_earliest_due_time_or_the_end_of_a_lease_on_a_due_timer()
    {
        Assert.Null(await TimerStore.NextDueAsync(None));

        await InstanceStore.CommitAsync(Started(State(NewId()), Timer("t1", T0.AddMinutes(1)), Timer("t2", T0.AddHours(1))), None);
        Assert.Equal(T0.AddMinutes(1), await TimerStore.NextDueAsync(None));

        // t1 is being fired by a pump: nothing to claim until its lease ends (or t2 falls due).
        await TimerStore.ClaimDueAsync(T0.AddMinutes(2), 1, "pump-a", Lease, None);
        Assert.Equal(T0.AddMinutes(2) + Lease, await TimerStore.NextDueAsync(None));
    }

    [Fact]
    public async Task Instants_are_compared_as_instants_whatever_their_offset()
    {
        var id = NewId();
        var dueInLondonSummer = new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.FromHours(1)); // 09:00 UTC
        await InstanceStore.CommitAsync(Started(State(id), Timer("t1", dueInLondonSummer)), None);

        Assert.Empty(await TimerStore.ClaimDueAsync(new DateTimeOffset(2026, 7, 1, 8, 59, 59, TimeSpan.Zero), 10, "pump", Lease, None));
        var claimed = Assert.Single(await TimerStore.ClaimDueAsync(new DateTimeOffset(2026, 7, 1, 5, 0, 0, TimeSpan.FromHours(-4)), 10, "pump", Lease, None));
        Assert.Equal(dueInLondonSummer, claimed.DueAt);
        Assert.Equal(TimeSpan.Zero, claimed.DueAt.Offset);
    }

    [Fact]
    public async Task A_timer_is_never_claimable_before_its_due_instant_even_below_a_microsecond()
    {
        var id = NewId();
        var due = T0.AddTicks(5); // PostgreSQL keeps microseconds: the store rounds a due instant up, never down
        await InstanceStore.CommitAsync(Started(State(id), Timer("t1", due)), None);

        Assert.Empty(await TimerStore.ClaimDueAsync(T0, 10, "pump", Lease, None));
        Assert.Empty(await TimerStore.ClaimDueAsync(due.AddTicks(-1), 10, "pump", Lease, None));
        Assert.Single(await TimerStore.ClaimDueAsync(T0.AddTicks(TimeSpan.TicksPerMicrosecond), 10, "pump", Lease, None));
    }
}
