using Workflows.Engine.Runtime;

namespace Workflows.Engine.Tests.Runtime;

public sealed class OutboxIdTests
{
    [Fact]
    public void Outbox_ids_of_one_instance_sort_in_the_order_the_effects_were_requested()
    {
        var ids = new[] { "e9", "e10", "e2", "e100" }.Select(e => WorkflowRuntime.OutboxId("i1", e)).ToList();
        Assert.Equal(["i1:e000000000002", "i1:e000000000009", "i1:e000000000010", "i1:e000000000100"],
            ids.Order(StringComparer.Ordinal));
    }
}
