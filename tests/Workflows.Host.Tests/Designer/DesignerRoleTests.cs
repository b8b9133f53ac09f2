using System.Net;
using Workflows.Host.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workflows.Host.Tests.Designer;

/// <summary>
/// Only a QA lead or an admin edits, saves and publishes; everyone else who may read the protocols gets a
/// read-only viewer — and the API refuses their writes whatever the page shows.
/// </summary>
[Collection(DesignerCollection.Name)]
public sealed class DesignerRoleTests(DesignerFixture fixture)
{
    public static TheoryData<string> Editors => new() { "QaLead", "Admin" };

    public static TheoryData<string> Readers => new() { "Reviewer", "Auditor" };

    private static string TokenFor(string role) => role switch
    {
        "QaLead" => TestIdentities.QaLead,
        "Admin" => TestIdentities.Admin,
        "Reviewer" => TestIdentities.Iro,
        "Auditor" => TestIdentities.Auditor,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    [Theory]
    [MemberData(nameof(Editors))]
    public async Task A_QA_lead_or_an_admin_gets_the_editor(string role)
    {
        await using var designer = await fixture.OpenDesignerAsync(TokenFor(role));
        await designer.StepsAsync($"designer-{role}", async () =>
        {
            await Expect(designer.Body).ToHaveAttributeAsync("data-mode", "edit");
            await Expect(designer.TestId("readonly-badge")).ToBeHiddenAsync();
            await Expect(designer.TestId("btn-publish")).ToBeVisibleAsync();
            await Expect(designer.TestId("btn-save")).ToBeVisibleAsync();
            await Expect(designer.TestId("properties-panel")).ToBeVisibleAsync();
            await Expect(designer.TestId("user-name")).ToContainTextAsync(role);
            Assert.Empty(designer.PageErrors);
        });
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task Anyone_else_gets_a_read_only_viewer_without_save_or_publish(string role)
    {
        var token = TokenFor(role);
        await using var designer = await fixture.OpenDesignerAsync(token);
        await designer.StepsAsync($"designer-{role}", async () =>
        {
            await Expect(designer.Body).ToHaveAttributeAsync("data-mode", "read-only");
            await Expect(designer.TestId("readonly-badge")).ToBeVisibleAsync();
            await Expect(designer.TestId("btn-publish")).ToHaveCountAsync(1); // in the page, but never shown
            await Expect(designer.TestId("btn-publish")).ToBeHiddenAsync();
            await Expect(designer.TestId("btn-save")).ToBeHiddenAsync();
            await Expect(designer.TestId("properties-panel")).ToBeHiddenAsync();
            await Expect(designer.TestId("element-details")).ToBeVisibleAsync();

            // The diagram is there to read: selecting an element shows its settings, not an editor.
            await designer.ZoomToAsync("Rung1_TeamManager", maxScale: 0.9);
            await designer.SelectAsync("Timer_Rung1_Window", readOnly: true);
            await Expect(designer.TestId("element-details").Locator("tr[data-attr='timer.timeDate'] td"))
                .ToContainTextAsync("(rag)");
            await Expect(designer.Page.Locator("#bio-properties-panel-esc-timerValue")).ToHaveCountAsync(0);
        });

        // Hiding buttons is a courtesy: the API itself refuses this caller's draft and publish.
        using var client = fixture.Http(token: token);
        var xml = await (await client.GetAsync("/api/workflows/north-somerset/versions/1/xml")).Content.ReadAsStringAsync();
        using var save = await client.PutAsync("/api/workflows/north-somerset/draft", Fixtures.Xml(xml));
        Assert.Equal(HttpStatusCode.Forbidden, save.StatusCode);
        using var publish = await client.PostAsync("/api/workflows/north-somerset/publish", null);
        Assert.Equal(HttpStatusCode.Forbidden, publish.StatusCode);
        Assert.Empty(designer.PageErrors);
    }
}
