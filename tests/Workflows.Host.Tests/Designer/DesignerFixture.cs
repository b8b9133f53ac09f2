using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Workflows.Host.Auth;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Designer;

/// <summary>
/// The real host on a real socket (Kestrel on a free loopback port, so a browser can reach it) on a fresh
/// PostgreSQL database, plus one headless Chromium for every test of the "designer" collection.
/// Chromium is Debian's (<c>apt-get install -y chromium</c>, as <c>.ci/run</c> does), driven by
/// Microsoft.Playwright without <c>playwright install</c>. Nothing here skips: no Chromium, no built designer
/// or no PostgreSQL is a failure that says how to get one.
/// </summary>
public sealed class DesignerFixture : IAsyncLifetime
{
    /// <summary>Overrides the Chromium binary (default <c>/usr/bin/chromium</c>).</summary>
    public const string ChromiumVariable = "WORKFLOWS_CHROMIUM";

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public WorkflowsApp App { get; private set; } = null!;

    /// <summary>The host's address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    private IPlaywright? _playwright;

    public async Task InitializeAsync()
    {
        // First the cheap checks, so a machine without Chromium fails in a second, saying what to do.
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"The designer's browser tests need Chromium at {ChromiumPath} and it is not there. Install Debian's " +
                "package: `apt-get install -y chromium` (.ci/run does this), or set " +
                $"{ChromiumVariable} to another Chromium/Chrome binary. No `playwright install` is needed.");

        App = new WorkflowsApp(await PostgresServer.CreateDatabaseAsync("designer_tests"));
        try
        {
            App.UseKestrel(0);
            App.StartServer();
            var address = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
                .Addresses.First();
            BaseAddress = new Uri(address.Replace("//[::]:", "//127.0.0.1:").Replace("//0.0.0.0:", "//127.0.0.1:"));

            await EnsureDesignerIsBuiltAsync();

            _playwright = await Playwright.CreateAsync();
            Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run"],
            });
            Assertions.SetDefaultExpectTimeout(30_000);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        Browser = null!;
        _playwright?.Dispose();
        _playwright = null;
        if (App is not null)
        {
            await App.DisposeAsync();
            await PostgresServer.DropDatabaseAsync(App.ConnectionString);
            App = null!;
        }
    }

    /// <summary>A client of the host over the socket, as a person (bearer token) or a case system (API key).</summary>
    public HttpClient Http(string? token = null, string? apiKey = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (apiKey is not null) client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, apiKey);
        return client;
    }

    /// <summary>
    /// A new browser context (own sessionStorage) signed in with <paramref name="token"/> through the
    /// <c>#token=</c> fragment, on the designer, waited until the first diagram is on the canvas and idle.
    /// </summary>
    public async Task<DesignerPage> OpenDesignerAsync(string token, string protocol = "north-somerset")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1920, Height = 1080 },
            Locale = "en-GB",
            TimezoneId = "Europe/London",
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        var designer = new DesignerPage(context, page);
        await page.GotoAsync(new Uri(BaseAddress, $"/designer/?protocol={Uri.EscapeDataString(protocol)}#token={token}").ToString());
        await designer.WaitUntilIdleAsync();
        return designer;
    }

    /// <summary>The host must serve the Vite build, not a placeholder: else every wait for the canvas would just time out.</summary>
    private async Task EnsureDesignerIsBuiltAsync()
    {
        using var client = Http();
        using var response = await client.GetAsync("/designer/");
        var html = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || !html.Contains("/designer/assets/", StringComparison.Ordinal))
            throw new InvalidOperationException(
                $"GET /designer/ answered {(int)response.StatusCode} without the built designer (no /designer/assets/ script). " +
                "Build it into src/Workflows.Host/wwwroot/designer: `cd designer && npm ci && npm run build`.");
    }
}

[CollectionDefinition(Name)]
public sealed class DesignerCollection : ICollectionFixture<DesignerFixture>
{
    public const string Name = "designer";
}
