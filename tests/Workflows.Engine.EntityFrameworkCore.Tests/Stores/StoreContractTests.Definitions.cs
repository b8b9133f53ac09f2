using static Workflows.Engine.EntityFrameworkCore.Tests.Infrastructure.Instances;

namespace Workflows.Engine.EntityFrameworkCore.Tests.Stores;

public abstract partial class StoreContractTests
{
    private const string XmlV1 = """<definitions id="d"><process id="stage-1" /></definitions>""";
    private const string XmlV2 = """<definitions id="d"><process id="stage-1" name="changed" /></definitions>""";

    [Fact]
    public async Task Publishing_numbers_versions_from_1_and_unchanged_xml_returns_the_latest_version()
    {
        var v1 = await DefinitionStore.PublishAsync("stage-1", "Stage 1", XmlV1, T0, None);
        var again = await DefinitionStore.PublishAsync("stage-1", "Stage 1", XmlV1, T0.AddHours(1), None);
        var v2 = await DefinitionStore.PublishAsync("stage-1", "Stage 1 (revised)", XmlV2, T0.AddHours(2), None);
        var other = await DefinitionStore.PublishAsync("stage-2", "Stage 2", XmlV1, T0, None);

        Assert.Equal(1, v1.Version);
        Assert.True(v1.Published);
        Assert.Equal(v1, again);
        Assert.Equal(2, v2.Version);
        Assert.Equal(1, other.Version);
        Assert.Equal(EntityFrameworkCore.Stores.EfDefinitionStore.ContentHash(XmlV1), v1.ContentHash);
        Assert.Equal(v2, await DefinitionStore.GetLatestPublishedAsync("stage-1", None));
        Assert.Equal(v1, await DefinitionStore.GetAsync("stage-1", 1, None));
        Assert.Null(await DefinitionStore.GetAsync("stage-1", 3, None));
        Assert.Null(await DefinitionStore.GetLatestPublishedAsync("stage-3", None));
        Assert.Equal([("stage-1", 1), ("stage-1", 2), ("stage-2", 1)],
            (await DefinitionStore.ListAsync(None)).Select(d => (d.Key, d.Version)));
    }

    [Fact]
    public async Task Republishing_an_older_xml_makes_a_new_version()
    {
        await DefinitionStore.PublishAsync("stage-1", "Stage 1", XmlV1, T0, None);
        await DefinitionStore.PublishAsync("stage-1", "Stage 1", XmlV2, T0, None);
        var back = await DefinitionStore.PublishAsync("stage-1", "Stage 1", XmlV1, T0, None);
        Assert.Equal(3, back.Version);
    }

    [Fact]
    public async Task Concurrent_publishes_of_one_key_get_distinct_versions()
    {
        var published = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            DefinitionStore.PublishAsync("stage-1", "Stage 1", $"<definitions id=\"d{i}\" />", T0, None)));
        Assert.Equal([1, 2, 3, 4], published.Select(p => p.Version).Order());
    }

    [Fact]
    public async Task A_draft_is_kept_per_key_and_saving_replaces_it()
    {
        Assert.Null(await DefinitionStore.GetDraftAsync("stage-1", None));

        await DefinitionStore.SaveDraftAsync("stage-1", XmlV1, T0, None);
        await DefinitionStore.SaveDraftAsync("stage-2", XmlV1, T0, None);
        await DefinitionStore.SaveDraftAsync("stage-1", XmlV2, T0.AddMinutes(1), None);

        Assert.Equal(XmlV2, await DefinitionStore.GetDraftAsync("stage-1", None));
        Assert.Equal(XmlV1, await DefinitionStore.GetDraftAsync("stage-2", None));
        // A draft is not a published version.
        Assert.Empty(await DefinitionStore.ListAsync(None));
    }
}
