using System.Collections.Concurrent;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Workflows.Host.Tests.Designer;

/// <summary>
/// One designer tab, driven as a QA lead would: through the <c>data-testid</c>s and the properties panel
/// (designer/README.md, "For browser tests"). Waits are on what the page says — <c>body[data-state]</c>,
/// <c>body[data-busy]</c>, the model itself — never fixed sleeps.
/// </summary>
public sealed class DesignerPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly ConcurrentQueue<string> _pageErrors = new();
    private readonly ConcurrentQueue<string> _console = new();

    public DesignerPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.PageError += (_, error) => _pageErrors.Enqueue(error);
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning") _console.Enqueue($"{message.Type}: {message.Text}");
        };
    }

    public IPage Page { get; }

    /// <summary>Uncaught exceptions in the page (a designer bug, whatever the test asserts).</summary>
    public IReadOnlyList<string> PageErrors => _pageErrors.ToArray();

    public ILocator Body => Page.Locator("body");

    public ILocator TestId(string id) => Page.GetByTestId(id);

    public ILocator Shape(string elementId) => Page.Locator($"#canvas .djs-element[data-element-id='{elementId}']");

    /// <summary>A diagram is on the canvas and no request is running.</summary>
    public async Task WaitUntilIdleAsync()
    {
        await Expect(Body).ToHaveAttributeAsync("data-state", "ready");
        await Expect(Body).ToHaveAttributeAsync("data-busy", "false");
    }

    /// <summary>Clicks a toolbar button and waits for the request it starts to finish.</summary>
    public async Task ClickAndWaitAsync(string testId)
    {
        var button = TestId(testId);
        await Expect(button).ToBeEnabledAsync();
        await button.ClickAsync();
        await WaitUntilIdleAsync();
    }

    /// <summary>
    /// Zooms and scrolls the canvas so <paramref name="elementId"/> fills it (at most 100 %), as a person
    /// would with Ctrl+wheel: a whole protocol fitted to the screen is too small to read or click.
    /// </summary>
    public async Task ZoomToAsync(string elementId, double maxScale = 1.0)
    {
        await Page.EvaluateAsync("""
            ([id, maxScale]) => {
              const modeler = window.designer.modeler;
              const canvas = modeler.get('canvas');
              canvas.resized(); // the viewport may just have changed
              const element = modeler.get('elementRegistry').get(id);
              if (!element) throw new Error(`${id} is not on the canvas`);
              const { outer } = canvas.viewbox();
              const pad = 24;
              const scale = Math.min(maxScale, (outer.width - 2 * pad) / element.width, (outer.height - 2 * pad) / element.height);
              const width = outer.width / scale, height = outer.height / scale;
              canvas.viewbox({
                x: element.x + element.width / 2 - width / 2,
                y: element.y + element.height / 2 - height / 2,
                width, height
              });
            }
            """, new object[] { elementId, maxScale });
        await Expect(Shape(elementId)).ToBeVisibleAsync();
    }

    /// <summary>
    /// Selects an element by clicking it on the canvas. bpmn-js may take the first click after an import
    /// as focusing the canvas, so click an empty corner first (STACK-NOTES). Waits until the properties
    /// panel (edit mode) or the element details (read-only) show the element.
    /// </summary>
    public async Task SelectAsync(string elementId, bool readOnly = false)
    {
        await TestId("canvas").ClickAsync(new LocatorClickOptions { Position = new Position { X = 4, Y = 4 } });
        await Shape(elementId).ClickAsync();
        if (readOnly)
            await Expect(TestId("element-details").Locator("tr[data-attr='id'] td")).ToHaveTextAsync(elementId);
        else
            await Expect(Page.Locator("#bio-properties-panel-id")).ToHaveValueAsync(elementId);
    }

    /// <summary>An input of the properties panel's "Escalation" group (opening the group if it is closed).</summary>
    public async Task<ILocator> EscalationFieldAsync(string name)
    {
        var group = Page.Locator("[data-group-id='group-escalation']");
        await Expect(group).ToBeVisibleAsync();
        var input = Page.Locator($"#bio-properties-panel-{name}");
        var header = group.Locator(".bio-properties-panel-group-header");
        if (!((await header.GetAttributeAsync("class")) ?? "").Split(' ').Contains("open")) await header.ClickAsync();
        await Expect(input).ToBeVisibleAsync();
        return input;
    }

    /// <summary>
    /// Types a new timer body into the Escalation group's "Timer value" field and waits until the (debounced)
    /// edit has reached the model, so the next Validate or Publish sends it.
    /// </summary>
    public async Task SetTimerValueAsync(string elementId, string value)
    {
        var input = await EscalationFieldAsync("esc-timerValue");
        await input.FillAsync(value);
        await Page.WaitForFunctionAsync("""
            ([id, value]) => {
              const element = window.designer.modeler.get('elementRegistry').get(id);
              const timer = (element.businessObject.eventDefinitions || [])[0];
              const expression = timer && (timer.timeDate || timer.timeDuration || timer.timeCycle);
              return !!expression && expression.body === value;
            }
            """, new object[] { elementId, value });
    }

    /// <summary>Saves a screenshot of the whole page; returns its path.</summary>
    public async Task<string> ScreenshotAsync(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = false });
        return path;
    }

    /// <summary>
    /// Runs browser steps; when one fails, saves a screenshot into the test output and rethrows with what the
    /// page said (status bar, uncaught errors, console errors), so a CI failure can be read without a rerun.
    /// </summary>
    public async Task StepsAsync(string name, Func<Task> steps)
    {
        try
        {
            await steps();
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException or Xunit.Sdk.XunitException)
        {
            var shot = Path.Combine(ScreenshotDirectory, $"failure-{name}.png");
            try
            {
                await ScreenshotAsync(shot);
            }
            catch (PlaywrightException)
            {
                shot = "(no screenshot)";
            }
            throw new Xunit.Sdk.XunitException($"{e.Message}\n--- designer page ({shot}) ---\n{await DiagnosticsAsync()}");
        }
    }

    /// <summary>Where screenshots go: <c>screenshots/</c> in the test output folder.</summary>
    public static string ScreenshotDirectory => Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>What the page said, for a failure message: status bar, page errors, console errors.</summary>
    public async Task<string> DiagnosticsAsync()
    {
        string status;
        try
        {
            status = await TestId("status").InnerTextAsync(new LocatorInnerTextOptions { Timeout = 2_000 });
        }
        catch (PlaywrightException e)
        {
            status = $"(unreadable: {e.Message})";
        }
        return $"status bar: {status}\npage errors:\n  {string.Join("\n  ", PageErrors)}\nconsole:\n  {string.Join("\n  ", _console)}";
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
