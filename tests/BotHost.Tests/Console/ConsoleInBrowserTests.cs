using System.Text.RegularExpressions;
using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Testing;
using Microsoft.Playwright;
using Xunit;

namespace GroupBuy.BotHost.Tests.Console;

/// <summary>
/// The console in a real browser (Debian's Chromium through Playwright) against the host on
/// Kestrel and PostgreSQL: an ops person edits the campaign preview's wording, sees it in the
/// simulated group, and a resident's order reaches the order list. Screenshots of the pages are
/// written to <c>TestResults/screenshots/</c>.
/// </summary>
public sealed partial class ConsoleInBrowserTests : IClassFixture<PostgresDatabase>, IClassFixture<Chromium>
{
    private readonly PostgresDatabase database;
    private readonly Chromium chromium;

    public ConsoleInBrowserTests(PostgresDatabase database, Chromium chromium)
    {
        this.database = database;
        this.chromium = chromium;
    }

    [Fact]
    public async Task Ops_change_the_preview_wording_and_a_resident_orders_in_the_simulator()
    {
        await using var host = BotHostFactory.OnPostgres(database.ConnectionString, ("Ordering:AckDelaySeconds", "0"), ("Simulator:DemoOnFirstStart", "true"));
        var address = host.StartOnKestrel();
        await ConsoleSession.CreateAccountAsync(host, "lina");
        var page = await chromium.OpenAsync(address);

        // Signed out, the editor sends you to sign in, and back afterwards.
        await page.GotoAsync("/console/templates/campaign-preview");
        Assert.Contains("/console/account/login", page.Url, StringComparison.Ordinal);
        await Chromium.ScreenshotAsync(page, "01-sign-in");
        await page.GetByLabel("账号").FillAsync("lina");
        await page.GetByLabel("密码").FillAsync(ConsoleSession.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync("**/console/templates/campaign-preview");

        // A syntax error is shown at its line before anything is saved.
        var editor = page.GetByLabel("模板内容（Scriban）");
        var shipped = await editor.InputValueAsync();
        var line = shipped.Split('\n').ToList().FindIndex(l => l.Contains("截单：{{ closes_at }}", StringComparison.Ordinal)) + 1;
        Assert.True(line > 0, "The shipped preview has no cut-off line.");
        await editor.FillAsync(shipped.Replace("截单：{{ closes_at }}", "截单：{{ closes_at + }}", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#template-errors")).ToContainTextAsync($"第 {line} 行");
        await Chromium.ScreenshotAsync(page, "02-template-error");

        // Fixed, with a word changed: the preview says it, then it is saved as version 1.
        await editor.FillAsync(shipped.Replace("开团啦", "鲜果到", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#template-ok")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#template-preview")).ToContainTextAsync("【周四鲜果】鲜果到");
        await Assertions.Expect(page.Locator("#template-diff")).ToContainTextAsync("鲜果到");
        await page.GetByLabel("修改说明").FillAsync("换个说法");
        await Chromium.ScreenshotAsync(page, "03-template-editor");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存为新版本" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("已保存为 v1");
        await Assertions.Expect(page.Locator("#template-history")).ToContainTextAsync("换个说法");

        // A new community's campaign is previewed with the new word in the simulated group.
        await page.GotoAsync("/console/simulator");
        await page.GetByRole(AriaRole.Button, new() { Name = "创建演示社区" }).ClickAsync();
        await Assertions.Expect(page.Locator("#group-chat")).ToContainTextAsync("【周末鲜果（演示）】鲜果到");

        // A resident orders; the bot's acknowledgement appears without reloading.
        await page.GetByLabel("我的名字").FillAsync("王阿姨");
        await page.GetByLabel("说点什么").FillAsync("苹果+2");
        await page.GetByRole(AriaRole.Button, new() { Name = "发送", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.Locator("#group-chat")).ToContainTextAsync("王阿姨：1号红富士苹果×2");
        await Chromium.ScreenshotAsync(page, "04-simulator");

        // Back to the shipped wording.
        await page.GotoAsync("/console/templates/campaign-preview");
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "恢复默认" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("已恢复默认模板");
        await Assertions.Expect(page.Locator("#template-preview")).ToContainTextAsync("【周四鲜果】开团啦");
        Assert.Matches(DefaultNow(), await page.Locator(".hint").First.InnerTextAsync());
    }

    [GeneratedRegex("默认模板|v2")]
    private static partial Regex DefaultNow();
}
