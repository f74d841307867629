using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Conversations.Ops;
using GroupBuy.Conversations.Storage;
using GroupBuy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GroupBuy.BotHost.Tests.Console;

/// <summary>
/// 群与团长 through the real host on PostgreSQL: the group list, registering a group with the form
/// (stored as <c>POST /api/groups</c> stores it, audited, refusals beside their fields), the
/// group's page, and who may do what.
/// </summary>
public sealed class GroupPagesTests : IClassFixture<PostgresDatabase>
{
    private readonly PostgresDatabase database;

    public GroupPagesTests(PostgresDatabase database)
    {
        this.database = database;
    }

    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static Dictionary<string, string> Form(string chatId, string channel = "gateway", string name = "幸福里2栋团购群", string weComRoute = "", string robotKey = "") => new()
    {
        ["Name"] = name,
        ["Community"] = "幸福里",
        ["Channel"] = channel,
        ["ChatId"] = chatId,
        ["LeaderId"] = "u-zhang",
        ["LeaderName"] = "张姐",
        ["WeComRoute"] = weComRoute,
        ["RobotKey"] = robotKey,
    };

    /// <summary>Posts the registration form; returns the new group's id from where it sends the browser.</summary>
    private static async Task<long> RegisterThroughFormAsync(ConsoleSession session, Dictionary<string, string> form)
    {
        var response = await session.PostFormAsync("/console/groups/new", form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"The form answered {(int)response.StatusCode}: {ConsoleHtml.Text(body)}");
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches("^/console/groups/[0-9]+$", location);
        return long.Parse(location.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<AuditEntry>> AuditAsync(BotHostFactory host, string action)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>().AuditEntries.AsNoTracking().Where(a => a.Action == action).OrderBy(a => a.Id).ToListAsync();
    }

    /// <summary>A group as the API gives it, without what differs between two registrations (id, chat, time).</summary>
    private static string Comparable(JsonElement group) =>
        string.Join(" | ", group.EnumerateObject().Where(p => p.Name is not ("id" or "chatId" or "createdAt")).Select(p => $"{p.Name}={p.Value}"));

    [Fact]
    public async Task A_group_registered_with_the_form_is_stored_as_the_api_stores_it_and_audited()
    {
        await using var host = BotHostFactory.OnPostgres(database.ConnectionString);
        var admin = host.CreateAdminClient();
        var session = await ConsoleSession.SignInAsync(host, "lina");

        var gateway = await RegisterThroughFormAsync(session, Form("room-form-g", name: "  幸福里2栋团购群 "));
        var robot = await RegisterThroughFormAsync(session, Form("wr-form-r", "wecom", weComRoute: "robot", robotKey: "693a91f6-robot-key"));
        var customer = await RegisterThroughFormAsync(session, Form("wr-form-c", "wecom", weComRoute: "customerGroup"));

        // The same bodies through the API: everything stored alike but the id, chat and time.
        async Task<JsonElement> ThroughApiAsync(object body)
        {
            var created = await admin.PostAsJsonAsync(Url("/api/groups"), body);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            return await created.Content.ReadFromJsonAsync<JsonElement>();
        }

        var apiGateway = await ThroughApiAsync(new { chatId = "room-api-g", channel = "gateway", name = "幸福里2栋团购群", community = "幸福里", leaderId = "u-zhang", leaderName = "张姐" });
        var apiRobot = await ThroughApiAsync(new { chatId = "wr-api-r", channel = "wecom", name = "幸福里2栋团购群", community = "幸福里", leaderId = "u-zhang", leaderName = "张姐", weComRoute = "robot", robotKey = "693a91f6-robot-key" });
        var apiCustomer = await ThroughApiAsync(new { chatId = "wr-api-c", channel = "wecom", name = "幸福里2栋团购群", community = "幸福里", leaderId = "u-zhang", leaderName = "张姐", weComRoute = "customerGroup" });
        foreach (var (id, chatId, api) in new[] { (gateway, "room-form-g", apiGateway), (robot, "wr-form-r", apiRobot), (customer, "wr-form-c", apiCustomer) })
        {
            var stored = await admin.GetFromJsonAsync<JsonElement>(Url($"/api/groups/{id}"));
            Assert.Equal(chatId, stored.GetProperty("chatId").GetString());
            Assert.Equal(Comparable(api), Comparable(stored));
        }

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var key = await scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>().Groups.Where(g => g.Id == robot).Select(g => g.WeComRobotKey).SingleAsync();
            Assert.Equal("693a91f6-robot-key", key);
        }

        var entries = (await AuditAsync(host, "group.create")).Where(e => e.Actor == "lina").ToList();
        Assert.Equal(
            [($"group {gateway}", "gateway room-form-g 幸福里2栋团购群"), ($"group {robot}", "wecom wr-form-r 幸福里2栋团购群"), ($"group {customer}", "wecom wr-form-c 幸福里2栋团购群")],
            entries.Select(e => (e.Subject, e.Detail)));

        // The group's page says it was registered and shows its WeCom route, never the robot's key.
        var page = await session.GetPageAsync($"/console/groups/{robot}");
        var text = ConsoleHtml.Text(page);
        Assert.Contains("“幸福里2栋团购群”已登记。", text, StringComparison.Ordinal);
        Assert.Contains("发消息方式 群机器人", text, StringComparison.Ordinal);
        Assert.Contains("群机器人 key 已设置（不显示）", text, StringComparison.Ordinal);
        Assert.DoesNotContain("693a91f6", page, StringComparison.Ordinal);

        var rows = ConsoleHtml.Rows(await session.GetPageAsync("/console/groups"), "groups");
        Assert.Contains("幸福里2栋团购群 | 企业微信 | wr-form-r | 幸福里 | 张姐 （u-zhang） | —", rows);
        Assert.Contains("幸福里2栋团购群 | 微信（桥接） | room-form-g | 幸福里 | 张姐 （u-zhang） | —", rows);
    }

    [Fact]
    public async Task Refusals_are_shown_beside_their_fields_and_nothing_is_stored()
    {
        await using var host = BotHostFactory.OnPostgres(database.ConnectionString);
        var admin = host.CreateAdminClient();
        var existing = await admin.RegisterGroupAsync("room-taken");
        var session = await ConsoleSession.SignInAsync(host, "zhou");
        var before = (await admin.GetFromJsonAsync<JsonElement>(Url("/api/groups"))).GetArrayLength();

        async Task<string> RefusedAsync(Dictionary<string, string> form)
        {
            var response = await session.PostFormAsync("/console/groups/new", form);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"The form answered {(int)response.StatusCode}.");
            Assert.Contains("什么都还没有保存", ConsoleHtml.Text(html), StringComparison.Ordinal);
            return html;
        }

        var empty = await RefusedAsync(new() { ["Name"] = " ", ["Channel"] = "gateway", ["Community"] = "幸福里" });
        Assert.Equal("必填。", ConsoleHtml.FieldError(empty, "Name"));
        Assert.Equal("必填。", ConsoleHtml.FieldError(empty, "ChatId"));
        Assert.Equal("必填。", ConsoleHtml.FieldError(empty, "LeaderId"));
        Assert.Equal("必填。", ConsoleHtml.FieldError(empty, "LeaderName"));
        Assert.Equal(string.Empty, ConsoleHtml.FieldError(empty, "Community"));
        Assert.Equal("幸福里", ConsoleHtml.InputValue(empty, "Community"));

        var tooLong = await RefusedAsync(Form("room-long", name: new string('群', 129)));
        Assert.Equal("最多 128 个字。", ConsoleHtml.FieldError(tooLong, "Name"));

        var wecom = await RefusedAsync(Form("wr-no-route", "wecom"));
        Assert.Equal("企业微信群必须选发消息方式：群机器人、应用群聊或客户群。", ConsoleHtml.FieldError(wecom, "WeComRoute"));
        var robot = await RefusedAsync(Form("wr-no-key", "wecom", weComRoute: "robot"));
        Assert.StartsWith("群机器人方式必须填机器人的 key", ConsoleHtml.FieldError(robot, "RobotKey"), StringComparison.Ordinal);
        var keyElsewhere = await RefusedAsync(Form("wr-key-app", "wecom", weComRoute: "appChat", robotKey: "secret-key-1"));
        Assert.Equal("只有群机器人方式才填 key。", ConsoleHtml.FieldError(keyElsewhere, "RobotKey"));
        Assert.DoesNotContain("secret-key-1", keyElsewhere, StringComparison.Ordinal);
        var notWeCom = await RefusedAsync(Form("room-with-route", weComRoute: "robot"));
        Assert.Equal("只有企业微信群才填这一项。", ConsoleHtml.FieldError(notWeCom, "WeComRoute"));

        var taken = await RefusedAsync(Form("room-taken"));
        Assert.Equal("这个群已经登记过了，不用再登记。", ConsoleHtml.FieldError(taken, "ChatId"));
        Assert.Contains($"href=\"/console/groups/{existing}\"", taken, StringComparison.Ordinal);

        Assert.Equal(before, (await admin.GetFromJsonAsync<JsonElement>(Url("/api/groups"))).GetArrayLength());
        Assert.DoesNotContain(await AuditAsync(host, "group.create"), e => e.Actor == "zhou");
    }

    [Fact]
    public async Task A_groups_page_shows_its_leader_and_campaigns_and_the_list_shows_what_takes_orders_there()
    {
        await using var host = BotHostFactory.OnPostgres(database.ConnectionString);
        var admin = host.CreateAdminClient();
        var sunny = await admin.RegisterGroupAsync("room-sunny-3", leaderId: "u-li", name: "阳光花园3栋团购群");
        var other = await admin.RegisterGroupAsync("room-sunny-5", leaderId: "u-li", name: "阳光花园5栋团购群");
        var quiet = await admin.RegisterGroupAsync("room-quiet", leaderId: "u-wu", name: "安静小区团购群");
        async Task<long> CampaignAsync(string title, string pickupPoint, bool publish)
        {
            var created = await admin.PostAsJsonAsync(Url("/api/campaigns"), new
            {
                title,
                chatIds = new[] { "room-sunny-3" },
                closesAt = "2099-01-01T20:00:00+08:00",
                pickupAt = "2099-01-02T17:00:00+08:00",
                pickupPoint,
                items = new[] { new { name = "红富士苹果", price = 12.8m, referencePrice = 15m, category = "生鲜" } },
            });
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
            if (publish)
            {
                (await admin.PostAsync(Url($"/api/campaigns/{id}/publish"), null)).EnsureSuccessStatusCode();
            }

            return id;
        }

        var draft = await CampaignAsync("下周粮油", "物业前台", publish: false);
        var open = await CampaignAsync("周四鲜果", "3栋大堂快递柜旁", publish: true);
        var session = await ConsoleSession.SignInAsync(host, "qian", OpsRole.Viewer);

        // Other tests of the class register groups of their own in the same database.
        var rows = ConsoleHtml.Rows(await session.GetPageAsync("/console/groups"), "groups").Where(r => r.Contains("| room-sunny-", StringComparison.Ordinal) || r.Contains("| room-quiet |", StringComparison.Ordinal));
        Assert.Equal(
            [
                "阳光花园3栋团购群 | 微信（桥接） | room-sunny-3 | 阳光花园 | 李姐 （u-li） | 周四鲜果 （3栋大堂快递柜旁）",
                "阳光花园5栋团购群 | 微信（桥接） | room-sunny-5 | 阳光花园 | 李姐 （u-li） | —",
                "安静小区团购群 | 微信（桥接） | room-quiet | 阳光花园 | 李姐 （u-wu） | —",
            ],
            rows);

        var page = await session.GetPageAsync($"/console/groups/{sunny}");
        Assert.Equal("称呼 李姐 团长 ID u-li 还带的群 阳光花园5栋团购群", ConsoleHtml.Element(page, "group-leader", "dl"));
        Assert.Contains($"href=\"/console/groups/{other}\"", page, StringComparison.Ordinal);
        Assert.Contains("/console/groups/leaders/statement?channel=gateway&amp;leader=u-li&amp;month=", page, StringComparison.Ordinal);
        var campaigns = ConsoleHtml.Rows(page, "group-campaigns");
        Assert.Equal(2, campaigns.Count);
        Assert.StartsWith("周四鲜果 | 接单中 | 3栋大堂快递柜旁 | ", campaigns[0], StringComparison.Ordinal);
        Assert.StartsWith("下周粮油 | 草稿 | 物业前台 | ", campaigns[1], StringComparison.Ordinal);
        Assert.EndsWith(" | 0", campaigns[0], StringComparison.Ordinal);
        Assert.Contains($"href=\"/console/campaigns/{open}\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/console/campaigns/{draft}\"", page, StringComparison.Ordinal);

        var empty = await session.GetPageAsync($"/console/groups/{quiet}");
        Assert.Contains("这个群还没有开过团。", ConsoleHtml.Text(empty), StringComparison.Ordinal);
        Assert.Contains("只带这一个群", ConsoleHtml.Text(empty), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await session.Client.GetAsync(Url("/console/groups/999999"))).StatusCode);
    }

    [Fact]
    public async Task A_viewer_may_look_but_not_register_and_a_stranger_is_sent_to_sign_in()
    {
        await using var host = BotHostFactory.OnPostgres(database.ConnectionString);
        var admin = host.CreateAdminClient();
        var viewer = await ConsoleSession.SignInAsync(host, "guest", OpsRole.Viewer);
        var before = (await admin.GetFromJsonAsync<JsonElement>(Url("/api/groups"))).GetArrayLength();

        Assert.Contains("登记新群", ConsoleHtml.Text(await viewer.GetPageAsync("/console/groups/new")), StringComparison.Ordinal);
        var refused = await viewer.PostFormAsync("/console/groups/new", Form("room-viewer"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(before, (await admin.GetFromJsonAsync<JsonElement>(Url("/api/groups"))).GetArrayLength());
        Assert.DoesNotContain(await AuditAsync(host, "group.create"), e => e.Actor == "guest");

        var stranger = ConsoleSession.Anonymous(host);
        foreach (var path in new[] { "/console/groups", "/console/groups/new", "/console/groups/1", "/console/groups/leaders", "/console/groups/leaders/statement?leader=u-li", "/console/residents", "/console/residents/coupons" })
        {
            var response = await stranger.GetAsync(Url(path));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{path} answered {(int)response.StatusCode} to a stranger.");
            Assert.StartsWith("/console/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Names_typed_by_people_are_shown_as_text()
    {
        await using var host = BotHostFactory.OnPostgres(database.ConnectionString);
        var session = await ConsoleSession.SignInAsync(host, "sun");
        var form = Form("room-<b>", name: "<b>x</b>");
        form["LeaderName"] = "<i>y</i>";
        var id = await RegisterThroughFormAsync(session, form);

        foreach (var html in new[] { await session.GetPageAsync("/console/groups"), await session.GetPageAsync($"/console/groups/{id}") })
        {
            Assert.DoesNotContain("<b>x</b>", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<i>y</i>", html, StringComparison.Ordinal);
            Assert.Contains("&lt;b&gt;x&lt;/b&gt;", html, StringComparison.Ordinal);
            Assert.Contains("&lt;i&gt;y&lt;/i&gt;", html, StringComparison.Ordinal);
        }
    }
}
