using Microsoft.Playwright;
using Xunit;

namespace GroupBuy.BotHost.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright, headless, one browser per test class. Playwright's own
/// browser download cannot work here, so the machine's <c>/usr/bin/chromium</c> is used
/// (<c>apt-get install -y chromium</c>; <c>.ci/run</c> installs it), or <c>GROUPBUY_CHROMIUM</c>.
/// A missing browser fails the tests with that advice; they never skip.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string PathVariable = "GROUPBUY_CHROMIUM";

    private IPlaywright? playwright;
    private IBrowser? browser;

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The browser is not started.");

    /// <summary>Where screenshots go: <c>TestResults/screenshots/</c> at the repository root, beside the test results.</summary>
    public static string ScreenshotFolder { get; } = Directory.CreateDirectory(Path.Combine(GroupBuy.Testing.RepositoryPaths.Root, "TestResults", "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        var path = Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The browser tests need Chromium at {path}: run 'apt-get install -y chromium' (bash .ci/run does), or set {PathVariable}.");
        }

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            // As root Chromium needs --no-sandbox; the rest keep it from calling home on a closed network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
    }

    /// <summary>A fresh browser profile (cookies and all) at the host's address, in Chinese, a laptop-sized window.</summary>
    public async Task<IPage> OpenAsync(Uri baseAddress)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 1360, Height = 900 },
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
}
