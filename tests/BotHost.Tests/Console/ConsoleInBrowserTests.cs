using System.Text.RegularExpressions;
using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Testing;
using Microsoft.Playwright;
using Xunit;

namespace GroupBuy.BotHost.Tests.Console;

/// <summary>
/// The console in a real browser (Debian's Chromium through Playwright) against the host on
/// Kestrel and PostgreSQL: an ops person edits the campaign preview's wording, creates a campaign
/// and publishes it to a simulated group, sees the new wording there, a resident's 苹果+2 reaches
/// the campaign's order list, and the wording goes back to the shipped default. Screenshots of the pages are
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
        await using var host = BotHostFactory.OnPostgres(database.ConnectionString, ("Ordering:AckDelaySeconds", "0"), ("Simulator:DemoOnFirstStart", "false"));
        var address = host.StartOnKestrel();
        await host.CreateAdminClient().RegisterGroupAsync("sim-room-1", channel: "simulator", leaderId: "sim:李姐");
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

        // A campaign made with the form and published to the simulated group is previewed there with the new word.
        await page.GotoAsync("/console/campaigns");
        await page.GetByRole(AriaRole.Link, new() { Name = "新建活动" }).ClickAsync();
        await page.GetByLabel("活动名称").FillAsync("周末鲜果");
        await page.GetByLabel("截单时间").FillAsync("2099-01-01T20:00");
        await page.GetByLabel("取货时间").FillAsync("2099-01-02T17:00");
        await page.GetByLabel("取货点").FillAsync("3栋大堂快递柜旁");
        await page.GetByLabel("阳光花园3栋团购群").CheckAsync();
        await page.Locator("#Items_0__Name").FillAsync("红富士苹果");
        await page.Locator("#Items_0__Aliases").FillAsync("苹果");
        await page.Locator("#Items_0__Price").FillAsync("19.9");
        await page.Locator("#Items_0__ReferencePrice").FillAsync("25.9");
        await page.Locator("#Items_0__Category").SelectOptionAsync("生鲜");
        await page.Locator("#Items_0__Stock").FillAsync("100");
        await Chromium.ScreenshotAsync(page, "04-campaign-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("活动已保存为草稿");
        var campaignPage = page.Url;
        await page.GetByRole(AriaRole.Button, new() { Name = "发布到群" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("接单中");
        await Chromium.ScreenshotAsync(page, "05-campaign");

        await page.GetByRole(AriaRole.Link, new() { Name = "模拟群聊" }).ClickAsync();
        await Assertions.Expect(page.Locator("#group-chat")).ToContainTextAsync("【周末鲜果】鲜果到");

        // A resident orders; the bot's acknowledgement appears without reloading.
        await page.GetByLabel("我的名字").FillAsync("王阿姨");
        await page.GetByLabel("说点什么").FillAsync("苹果+2");
        await page.GetByRole(AriaRole.Button, new() { Name = "发送", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.Locator("#group-chat")).ToContainTextAsync("王阿姨：1号红富士苹果×2");
        await Chromium.ScreenshotAsync(page, "06-simulator");

        // The order is in the campaign's order list, and found by the resident's name.
        await page.GotoAsync(campaignPage);
        await Assertions.Expect(page.Locator("#order-list")).ToContainTextAsync("1号红富士苹果×2");
        await page.GetByLabel("搜索").FillAsync("王阿姨");
        await page.GetByRole(AriaRole.Button, new() { Name = "搜索" }).ClickAsync();
        await Assertions.Expect(page.Locator("#order-list tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#order-list")).ToContainTextAsync("王阿姨");
        await Chromium.ScreenshotAsync(page, "07-campaign-orders");

        // 今日 lists the campaign taking orders and the last hour's order; 试读回复 reads a reply without ordering.
        await page.GetByRole(AriaRole.Link, new() { Name = "今日" }).ClickAsync();
        await Assertions.Expect(page.Locator("#taking-orders-list")).ToContainTextAsync("周末鲜果");
        await Assertions.Expect(page.Locator("#recent-orders-list")).ToContainTextAsync("王阿姨");
        await Chromium.ScreenshotAsync(page, "08-today");
        await page.GotoAsync(campaignPage);
        await page.GetByRole(AriaRole.Link, new() { Name = "试读回复" }).Last.ClickAsync();
        await page.GetByLabel("回复内容").FillAsync("苹果要3份");
        await page.GetByRole(AriaRole.Button, new() { Name = "试读" }).ClickAsync();
        await Assertions.Expect(page.Locator("#reading")).ToContainTextAsync("红富士苹果");
        await Chromium.ScreenshotAsync(page, "09-try-a-reply");

        // The rest of the console from its menu: the simulated group with its leader, the ranking, the ticket queue, residents, schedules.
        await page.GetByRole(AriaRole.Link, new() { Name = "群与团长" }).ClickAsync();
        await Assertions.Expect(page.Locator("#groups")).ToContainTextAsync("阳光花园3栋团购群");
        await Assertions.Expect(page.Locator("#groups")).ToContainTextAsync("周末鲜果");
        await Chromium.ScreenshotAsync(page, "10-groups");
        await page.GotoAsync("/console/groups/leaders");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("团长佣金与排行");
        await Chromium.ScreenshotAsync(page, "11-leader-ranking");
        await page.GetByRole(AriaRole.Link, new() { Name = "售后工单" }).ClickAsync();
        await Assertions.Expect(page.Locator("#tickets-empty")).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, "12-tickets");
        await page.GetByRole(AriaRole.Link, new() { Name = "居民" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("居民");
        await Chromium.ScreenshotAsync(page, "13-residents");
        await page.GetByRole(AriaRole.Link, new() { Name = "排期" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "新建排期" }).ClickAsync();
        await page.GetByLabel("cron 表达式").FillAsync("0 20 * * 4");
        await page.GetByRole(AriaRole.Button, new() { Name = "看看是什么意思" }).ClickAsync();
        await Assertions.Expect(page.Locator("#cron-words")).ToHaveTextAsync("每周四 20:00");
        await Chromium.ScreenshotAsync(page, "14-schedule-form");

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
