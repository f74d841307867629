using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Conversations.AfterSales;
using GroupBuy.Conversations.Ops;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace GroupBuy.BotHost.Tests.Console;

/// <summary>
/// 售后工单 through the real host on PostgreSQL, with tickets taken in through the chat: the queue
/// by status with its countdowns at the host's (fake) time, a ticket's intake, evidence and
/// history, and a resolution and 办结 from the page doing what the API does, audited.
/// </summary>
public sealed class TicketPagesTests : IClassFixture<TicketPagesWorld>
{
    private readonly TicketPagesWorld tickets;

    public TicketPagesTests(TicketPagesWorld tickets)
    {
        this.tickets = tickets;
    }

    private BotHostFactory Host => tickets.World.Host;

    private Task<List<AuditEntry>> AuditAsync(long ticketId) =>
        tickets.World.ReadAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Subject == $"ticket {ticketId}").OrderBy(a => a.Id).ToListAsync());

    [Fact]
    public async Task The_queue_lists_open_tickets_most_urgent_first_with_the_time_left_to_answer()
    {
        var session = await ConsoleSession.SignInAsync(Host, "queue");
        var (wang, zhang) = (tickets.WangTicket, tickets.ZhangTicket);

        var html = await session.GetPageAsync("/console/tickets?status=open");

        var rows = ConsoleHtml.Rows(html, "tickets");
        Assert.Equal($"{wang.Number} | 待答复 | 首次答复 · 还剩 35 分钟 | 王阿姨 | 阳光花园3栋团购群 | 周四鲜果 | 1号红富士苹果×2 | 质量问题 | 25 分钟", rows[0]);
        var second = rows.ToList().FindIndex(r => r.StartsWith(zhang.Number, StringComparison.Ordinal));
        Assert.True(second > 0, string.Join("\n", rows));
        Assert.Equal($"{zhang.Number} | 待答复 | 首次答复 · 还剩 45 分钟 | 张叔 | 阳光花园3栋团购群 | 周四鲜果 | 2号香蕉×1 | 质量问题 | 15 分钟", rows[second]);
        Assert.Contains($"<a href=\"/console/tickets/{wang.Id}\">{wang.Number}</a>", html, StringComparison.Ordinal);

        // Within the hour, so highlighted; and ticking from the host's time, not the browser's.
        Assert.Contains($"class=\"badge countdown warn\" title=\"首次答复期限：", html, StringComparison.Ordinal);
        Assert.Contains($"data-now=\"{tickets.World.Clock.GetUtcNow().ToUnixTimeMilliseconds()}\"", html, StringComparison.Ordinal);
        Assert.Contains($"data-due=\"{wang.FirstAnswerDueAt.ToUnixTimeMilliseconds()}\"", html, StringComparison.Ordinal);
        Assert.Contains("待答复", ConsoleHtml.Text(html), StringComparison.Ordinal);

        // Under way by default, the most urgent first; a status nobody is in says so.
        Assert.StartsWith($"{wang.Number} | ", ConsoleHtml.Rows(await session.GetPageAsync("/console/tickets"), "tickets")[0], StringComparison.Ordinal);
        var closed = await session.GetPageAsync("/console/tickets?status=closed");
        Assert.Empty(ConsoleHtml.Rows(closed, "tickets"));
        Assert.Equal("还没有“已关闭”的工单。", ConsoleHtml.Element(closed, "tickets-empty", "p"));

        // A phone number in a chat name is not shown whole.
        var all = await session.GetPageAsync("/console/tickets?status=all");
        Assert.Contains(ConsoleHtml.Rows(all, "tickets"), r => r.Contains(" | 小刘138****5678 | ", StringComparison.Ordinal));
        Assert.DoesNotContain("13812345678", all, StringComparison.Ordinal);

        // 今日 lists the ticket near its deadline and opens it here; a number typed in the queue too.
        Assert.Contains($"href=\"/console/tickets/{wang.Id}\"", await session.GetPageAsync("/console"), StringComparison.Ordinal);
        var found = await session.Client.GetAsync(new Uri($"/console/tickets?q={wang.Number.ToLowerInvariant()}", UriKind.Relative));
        Assert.Equal($"/console/tickets/{wang.Id}", found.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_ticket_shows_the_intake_as_it_was_said_the_evidence_the_order_and_the_history_all_escaped()
    {
        var session = await ConsoleSession.SignInAsync(Host, "detail");
        var wang = tickets.WangTicket;

        var html = await session.GetPageAsync($"/console/tickets/{wang.Id}");

        var conversation = ConsoleHtml.Element(html, "intake-conversation", "section");
        Assert.StartsWith("王阿姨 · 私聊 · ", conversation, StringComparison.Ordinal);
        Assert.Contains("苹果坏了", conversation, StringComparison.Ordinal);
        Assert.Contains("[照片]", conversation, StringComparison.Ordinal);
        Assert.Contains(TicketPagesWorld.WangWords, conversation, StringComparison.Ordinal);
        Assert.Contains($"工单号 {wang.Number}", conversation, StringComparison.Ordinal);
        Assert.Contains("团购助手 · 私聊 · ", conversation, StringComparison.Ordinal);
        Assert.DoesNotContain("香蕉都黑了", conversation, StringComparison.Ordinal);

        // The photo is shown from the address the channel gave, opening full size, without our address as referrer.
        var photo = Assert.Single(wang.Evidence);
        Assert.StartsWith("https://img.example.com/", photo, StringComparison.Ordinal);
        Assert.Contains($"<img src=\"{photo}\" alt=\"凭证照片 1\" loading=\"lazy\" referrerpolicy=\"no-referrer\">", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{photo}\" target=\"_blank\" rel=\"noopener noreferrer nofollow\"", html, StringComparison.Ordinal);

        Assert.Equal(TicketPagesWorld.WangWords, ConsoleHtml.Element(html, "ticket-description", "p"));
        Assert.Equal(["1号 红富士苹果 | 2 | 12.8 元 | 25.6 元"], ConsoleHtml.Rows(html, "ticket-lines"));
        Assert.Matches($"href=\"/console/campaigns/{tickets.CampaignId}\\?q=[0-9]+#orders\" id=\"ticket-order\">周四鲜果</a>", html);
        var history = Assert.Single(ConsoleHtml.Rows(html, "ticket-history"));
        Assert.EndsWith(" | 待答复 | 居民 王阿姨 | 居民在聊天中登记", history, StringComparison.Ordinal);
        Assert.Contains("首次答复 · 还剩 35 分钟", ConsoleHtml.Text(html), StringComparison.Ordinal);

        // What the resident typed is text on the page, never markup.
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;两个都烂了", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resolution_and_done_from_the_page_settle_the_ticket_as_the_api_does_audited_and_refusals_said_in_chinese()
    {
        var session = await ConsoleSession.SignInAsync(Host, "lina");
        var liu = tickets.LiuTicket;
        var page = $"/console/tickets/{liu.Id}";
        async Task<string> PostAsync(string handler, Dictionary<string, string> fields)
        {
            var response = await session.PostFormAsync(page, fields, $"{page}/{handler}");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(page, response.Headers.Location?.OriginalString);
            return await session.GetPageAsync(page);
        }

        // The API's refusals, in Chinese at the top of the actions; nothing stored.
        var tooMuch = await PostAsync("resolution", new() { ["kind"] = "cash", ["amount"] = "20" });
        Assert.Equal("没有执行： 金额：现金补偿只能是 5–10 元（最多精确到分）；更多请用退款。", ConsoleHtml.Element(tooMuch, "action-problems"));
        var aboveWhatWasPaid = await PostAsync("resolution", new() { ["kind"] = "refund", ["amount"] = "99" });
        Assert.Equal("没有执行： 金额：退款金额要大于 0 元，且不能超过居民实付的 12.8 元。", ConsoleHtml.Element(aboveWhatWasPaid, "action-problems"));
        var notYet = await PostAsync("done", new() { ["confirm"] = "true" });
        Assert.Equal($"没有执行： 工单 {liu.Number} 现在是“待答复”：居民接受处理方案（处理中）之后才能标记办结。", ConsoleHtml.Element(notYet, "action-problems"));
        Assert.Equal(TicketStatus.Open, (await tickets.StoredAsync(liu.Id)).Status);
        Assert.Empty(await AuditAsync(liu.Id));

        var proposed = await PostAsync("resolution", new() { ["kind"] = "refund", ["amount"] = "10" });

        Assert.Contains($"已把处理方案（退款 10 元）发给{TicketPagesWorld.LiuName}，等居民确认；居民接受后要在 24 小时内办完。", ConsoleHtml.Text(proposed), StringComparison.Ordinal);
        var api = await Host.CreateAdminClient().GetFromJsonAsync<JsonElement>(new Uri($"/api/tickets/{liu.Number}", UriKind.Relative));
        Assert.Equal("proposed", api.GetProperty("status").GetString());
        var resolution = api.GetProperty("resolution");
        Assert.Equal(("refund", 10m, "ops"), (resolution.GetProperty("kind").GetString(), resolution.GetProperty("refundAmount").GetDecimal(), resolution.GetProperty("decidedBy").GetString()));
        var decided = Assert.Single(await AuditAsync(liu.Id));
        Assert.Equal(("lina", "ticket.resolution", $"{liu.Number}: 退款 10 元"), (decided.Actor, decided.Action, decided.Detail));
        var asked = Assert.Single(await tickets.World.AllToAsync($"user:{TicketPagesWorld.Liu}"), m => m.IdempotencyKey.StartsWith($"ticket:{liu.Id}:proposed:", StringComparison.Ordinal));
        Assert.Contains("10", asked.Text, StringComparison.Ordinal);
        Assert.EndsWith(" | 待居民确认 | 运营（运营台或接口） | 决定退款，等居民确认", ConsoleHtml.Rows(proposed, "ticket-history")[^1], StringComparison.Ordinal);
        Assert.EndsWith(" | lina | 决定处理方案：" + liu.Number + ": 退款 10 元", Assert.Single(ConsoleHtml.Rows(proposed, "ticket-audit")), StringComparison.Ordinal);

        // The resident accepts in the chat; ops confirm it was carried out.
        await tickets.World.PrivatelyAsync(TicketPagesWorld.Liu, TicketPagesWorld.LiuName, "1");
        Assert.Equal(TicketStatus.InProgress, (await tickets.StoredAsync(liu.Id)).Status);
        var unconfirmed = await PostAsync("done", []);
        Assert.Equal("没有执行： 标记办结前请先勾选确认：居民会马上收到办结通知。", ConsoleHtml.Element(unconfirmed, "action-problems"));

        var done = await PostAsync("done", new() { ["confirm"] = "true" });

        Assert.Contains($"工单 {liu.Number} 已办结", ConsoleHtml.Text(done), StringComparison.Ordinal);
        var stored = await tickets.StoredAsync(liu.Id);
        Assert.Equal((TicketStatus.Done, "ops"), (stored.Status, stored.Events.OrderBy(e => e.Id).Last().Actor));
        Assert.NotNull(stored.FollowUpDueAt);
        Assert.Equal(["ticket.resolution", "ticket.done"], (await AuditAsync(liu.Id)).Select(a => a.Action));
        Assert.Single(await tickets.World.AllToAsync($"user:{TicketPagesWorld.Liu}"), m => m.IdempotencyKey.StartsWith($"ticket:{liu.Id}:done:", StringComparison.Ordinal));
        Assert.Contains("已办结，等居民回访评价。", ConsoleHtml.Text(done), StringComparison.Ordinal);

        // A second 办结 is refused as the API refuses it.
        var again = await PostAsync("done", new() { ["confirm"] = "true" });
        Assert.Equal($"没有执行： 工单 {liu.Number} 现在是“已办结”：处理方案已经办结过了。", ConsoleHtml.Element(again, "action-problems"));
        Assert.Equal(2, (await AuditAsync(liu.Id)).Count);
    }

    [Fact]
    public async Task A_viewer_sees_the_ticket_but_cannot_settle_it_and_nobody_signed_out_sees_it_at_all()
    {
        var zhang = tickets.ZhangTicket;
        var viewer = await ConsoleSession.SignInAsync(Host, "guest", OpsRole.Viewer);

        var html = await viewer.GetPageAsync($"/console/tickets/{zhang.Id}");
        Assert.Contains("查看账号只能浏览，不能处理工单。", ConsoleHtml.Text(html), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"refund\"", html, StringComparison.Ordinal);
        var posted = await viewer.PostFormAsync($"/console/tickets/{zhang.Id}", new() { ["kind"] = "exchange" }, $"/console/tickets/{zhang.Id}/resolution");

        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Equal(TicketStatus.Open, (await tickets.StoredAsync(zhang.Id)).Status);
        Assert.Empty(await AuditAsync(zhang.Id));

        var anonymous = ConsoleSession.Anonymous(Host);
        foreach (var path in new[] { "/console/tickets", $"/console/tickets/{zhang.Id}" })
        {
            var response = await anonymous.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/console/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }
}
