using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Workflows.Host.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Workflows.Host.Tests.Designer;

/// <summary>
/// A QA lead changes North Somerset's AMBER response window in the designer (a real Chromium on the real
/// host), is stopped by a broken edit, fixes it, publishes — and the engine then runs new escalations on the
/// new version while an escalation raised before keeps the old rules.
/// </summary>
[Collection(DesignerCollection.Name)]
public sealed class DesignerPublishTests(DesignerFixture fixture, ITestOutputHelper output)
{
    /// <summary>Stage 1's response window: a boundary timer on "Await the Team Manager's response".</summary>
    private const string Stage1Window = "Timer_Rung1_Window";

    /// <summary>The edit: AMBER gets 2 working days; every other case keeps the shipped body (the RAG table's windows).</summary>
    private static string TwoWorkingDaysForAmber(string shipped) => $"rag === 'AMBER' ? workingDays(2) : ({shipped})";

    /// <summary>The same edit with a parenthesis missing: not a JavaScript expression.</summary>
    private static string Broken(string shipped) => $"rag === 'AMBER' ? workingDays(2 : ({shipped})";

    /// <summary>Set by whoever wants the screenshot kept outside the test output (e.g. docs/images).</summary>
    public const string ScreenshotDirectoryVariable = "WORKFLOWS_SCREENSHOT_DIR";

    [Fact]
    public async Task A_QA_lead_shortens_the_AMBER_window_new_escalations_run_on_the_new_version_and_older_ones_keep_the_old()
    {
        using var caseSystem = fixture.Http(apiKey: TestIdentities.CaseSystemKey);
        using var auditor = fixture.Http(token: TestIdentities.Auditor);

        // Raised before the change: informal rung, so its Stage 1 window is only armed later, after the publish.
        var older = await DesignerEscalations.RaiseAsync(caseSystem);
        var oldVersion = older.DefinitionVersion();
        Assert.Equal("0", older["currentStage"]!.GetValue<string>());

        var edited = "";
        await using var designer = await fixture.OpenDesignerAsync(TestIdentities.QaLead);
        await designer.StepsAsync("designer-publish", async () =>
        {
            await Expect(designer.Body).ToHaveAttributeAsync("data-mode", "edit");
            await Expect(designer.TestId("current-diagram")).ToHaveTextAsync($"north-somerset · v{oldVersion}");
            await Expect(designer.TestId("readonly-badge")).ToBeHiddenAsync();

            // Open Stage 1's window timer: its body is what decides the window, so it is what a QA lead edits
            // (the RAG table in the settings feeds responseWindow(rag) for every protocol version alike).
            await designer.ZoomToAsync("Rung1_TeamManager", maxScale: 0.9);
            await designer.SelectAsync(Stage1Window);
            await Expect(await designer.EscalationFieldAsync("esc-timerType")).ToHaveValueAsync("timeDate");
            // As shipped, the window is the RAG table's: responseWindow(rag) (perhaps inside a condition for returns).
            var timerValue = await designer.EscalationFieldAsync("esc-timerValue");
            await Expect(timerValue).ToHaveValueAsync(new Regex(@"responseWindow\(rag"));
            var shipped = await timerValue.InputValueAsync();
            edited = TwoWorkingDaysForAmber(shipped);

            // A broken edit: the server's validation names the element, the canvas marks it, Publish is blocked.
            await designer.SetTimerValueAsync(Stage1Window, Broken(shipped));
            await Expect(designer.TestId("dirty-indicator")).ToBeVisibleAsync();
            await designer.ClickAndWaitAsync("btn-validate");
            await Expect(designer.TestId("validation-errors")).ToHaveAttributeAsync("data-valid", "false");
            var error = designer.TestId("validation-error-item").And(designer.Page.Locator($"[data-element-id='{Stage1Window}']"));
            await Expect(error).ToHaveCountAsync(1);
            await Expect(error).ToContainTextAsync("timeDate");
            await Expect(designer.TestId("validation-overlay").And(designer.Page.Locator($"[data-element-id='{Stage1Window}']")))
                .ToBeVisibleAsync();
            await Expect(designer.TestId("btn-publish")).ToBeDisabledAsync();
            await Expect(designer.TestId("btn-publish")).ToHaveAttributeAsync("data-blocked", "true");

            // Fixed: AMBER gets 2 working days, the other ratings keep the RAG table's windows.
            await designer.SetTimerValueAsync(Stage1Window, edited);
            await designer.ClickAndWaitAsync("btn-validate");
            await Expect(designer.TestId("validation-errors")).ToHaveAttributeAsync("data-valid", "true");
            await Expect(designer.TestId("validation-ok")).ToBeVisibleAsync();
            await Expect(designer.TestId("validation-error-item")).ToHaveCountAsync(0);
            await Expect(designer.TestId("validation-overlay")).ToHaveCountAsync(0);
            await Expect(designer.TestId("btn-publish")).ToBeEnabledAsync();
            await Expect(designer.TestId("btn-publish")).ToHaveAttributeAsync("data-blocked", "false");

            await designer.ClickAndWaitAsync("btn-publish");
            var newVersion = oldVersion + 1;
            await Expect(designer.TestId("publish-result")).ToBeVisibleAsync();
            await Expect(designer.TestId("publish-result")).ToHaveAttributeAsync("data-version", newVersion.ToString());
            await Expect(designer.TestId("publish-result")).ToHaveAttributeAsync("data-key", "north-somerset");
            await Expect(designer.TestId("dirty-indicator")).ToBeHiddenAsync();
            // The sidebar lists the new version, and the escalation raised before still running on the old one.
            await Expect(designer.TestId($"version-item-{newVersion}")).ToHaveAttributeAsync("data-published", "true");
            await Expect(designer.TestId($"version-item-{oldVersion}").GetByTestId("running-count"))
                .ToHaveAttributeAsync("data-count", "1");
            await SaveScreenshotAsync(designer);

            // What was published is what was typed.
            var xml = await (await auditor.GetAsync($"/api/workflows/north-somerset/versions/{newVersion}/xml")).Content.ReadAsStringAsync();
            Assert.Equal(edited, TimerBody(xml, Stage1Window));
            var previous = await (await auditor.GetAsync($"/api/workflows/north-somerset/versions/{oldVersion}/xml")).Content.ReadAsStringAsync();
            Assert.Equal(shipped, TimerBody(previous, Stage1Window));

            Assert.Empty(designer.PageErrors);
        });

        // The clock stands still (WorkflowsApp's fake clock: Monday 2 March 2026, 09:00 GMT), so both escalations
        // arm their Stage 1 window at the same instant: only the version's timer body can tell them apart.
        var now = WorkflowsApp.Start;
        Assert.Equal(now, fixture.App.Time.GetUtcNow());

        // New: raised straight at Stage 1 on the new version → AMBER is 2 working days: Wednesday 4 March, 17:00.
        var fresh = await DesignerEscalations.RaiseAsync(caseSystem, startRung: 1);
        Assert.Equal(oldVersion + 1, fresh.DefinitionVersion());
        var freshInstance = await DesignerEscalations.InstanceAsync(auditor, fresh);
        Assert.Equal(oldVersion + 1, freshInstance.DefinitionVersion());
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 17, 0, 0, TimeSpan.Zero), freshInstance.DueAt(Stage1Window));

        // Older: escalated to Stage 1 only now, after the publish, yet it runs its own version's rules →
        // responseWindow('AMBER') = the RAG table's 3 working days: Thursday 5 March, 17:00.
        var olderId = older["id"]!.GetValue<string>();
        await DesignerEscalations.PostAsync(caseSystem, olderId, "responses", new { response = "Nothing done yet.", respondedBy = "Social Worker" });
        var escalated = await DesignerEscalations.PostAsync(caseSystem, olderId, "decisions", new { decision = "escalate", note = "No progress." });
        Assert.Equal("1", escalated["currentStage"]!.GetValue<string>());
        Assert.Equal("AMBER", escalated["rag"]!.GetValue<string>());
        Assert.Equal(oldVersion, escalated.DefinitionVersion());
        var olderInstance = await DesignerEscalations.InstanceAsync(auditor, older);
        Assert.Equal(oldVersion, olderInstance.DefinitionVersion());
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 17, 0, 0, TimeSpan.Zero), olderInstance.DueAt(Stage1Window));

        // Only AMBER changed: RED on the new version still gets the RAG table's 25 hours.
        var red = await DesignerEscalations.InstanceAsync(auditor, await DesignerEscalations.RaiseAsync(caseSystem, rag: "RED", startRung: 1));
        Assert.Equal(oldVersion + 1, red.DefinitionVersion());
        Assert.Equal(now.AddHours(25), red.DueAt(Stage1Window));
    }

    /// <summary>The body of the timer on <paramref name="elementId"/>, read as the engine reads it.</summary>
    private static string TimerBody(string xml, string elementId)
    {
        XNamespace bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
        var element = XDocument.Parse(xml).Descendants().Single(e => (string?)e.Attribute("id") == elementId);
        return element.Element(bpmn + "timerEventDefinition")!.Elements().Single().Value.Trim();
    }

    /// <summary>
    /// The designer with the North Somerset diagram, Stage 1's window timer selected and the properties panel
    /// showing the edit: always into the test output, and into <see cref="ScreenshotDirectoryVariable"/> when set
    /// (e.g. <c>docs/images</c>, for the README).
    /// </summary>
    private async Task SaveScreenshotAsync(DesignerPage designer)
    {
        // README-sized, zoomed on the edited rung so the labels can be read.
        await designer.Page.SetViewportSizeAsync(1600, 1000);
        await designer.ZoomToAsync("AwaitResponse_1", maxScale: 0.85);
        await Expect(designer.Shape(Stage1Window)).ToHaveClassAsync(new Regex(@"\bselected\b"));
        var path = await designer.ScreenshotAsync(Path.Combine(DesignerPage.ScreenshotDirectory, "designer.png"));
        output.WriteLine($"Screenshot: {path}");
        if (Environment.GetEnvironmentVariable(ScreenshotDirectoryVariable) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
            var copy = Path.Combine(directory, "designer.png");
            File.Copy(path, copy, overwrite: true);
            output.WriteLine($"Screenshot copied to {copy}");
        }
    }
}
