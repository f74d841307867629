using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GroupBuy.BotHost.Tests.PickLists;
using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Conversations.Ops;
using GroupBuy.Conversations.Storage;
using GroupBuy.Jobs.Campaigns;
using GroupBuy.Testing;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GroupBuy.BotHost.Tests.Console;

/// <summary>
/// Ops run a campaign from the console, through the real host on PostgreSQL: the form, its
/// refusals and warnings, editing by the API's rules, 发布 reaching the chat, orders from the chat
/// listed and searched, 截单, progress notices, and the pick list as the API gives it.
/// </summary>
public sealed class CampaignPagesTests : IClassFixture<PostgresDatabase>
{
    private const string ClosesAt = "2099-01-01T20:00";
    private const string PickupAt = "2099-01-02T17:00";

    private readonly PostgresDatabase database;

    public CampaignPagesTests(PostgresDatabase database)
    {
        this.database = database;
    }

    private static Uri Url(string path) => new(path, UriKind.Relative);

    /// <summary>The campaign form's fields as a browser posts them; an item is (name, aliases, price, reference price, category, stock).</summary>
    private static List<KeyValuePair<string, string>> Form(string title, string[] chatIds, params (string Name, string Aliases, string Price, string Reference, string Category, string Stock)[] items)
    {
        List<KeyValuePair<string, string>> fields =
        [
            new("Title", title),
            new("ClosesAt", ClosesAt),
            new("PickupAt", PickupAt),
            new("PickupPoint", "3栋大堂快递柜旁"),
            .. chatIds.Select(c => new KeyValuePair<string, string>("ChatIds", c)),
        ];
        for (var i = 0; i < items.Length; i++)
        {
            var (name, aliases, price, reference, category, stock) = items[i];
            fields.AddRange(
            [
                new($"Items[{i}].Name", name),
                new($"Items[{i}].Aliases", aliases),
                new($"Items[{i}].Price", price),
                new($"Items[{i}].ReferencePrice", reference),
                new($"Items[{i}].Category", category),
                new($"Items[{i}].Stock", stock),
            ]);
        }

        // A spare row left empty, as the form always offers one.
        fields.AddRange([new($"Items[{items.Length}].Name", string.Empty), new($"Items[{items.Length}].Category", string.Empty)]);
        return fields;
    }

    /// <summary>Posts the new-campaign form; returns the new campaign's id from where it sends the browser.</summary>
    private static async Task<long> CreateThroughFormAsync(ConsoleSession session, List<KeyValuePair<string, string>> form)
    {
        var response = await session.PostFormAsync("/console/campaigns/new", form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"The form answered {(int)response.StatusCode}: {ConsoleHtml.Text(body)}");
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches("^/console/campaigns/[0-9]+$", location);
        return long.Parse(location.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<AuditEntry>> AuditAsync(BotHostFactory host, string action)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>().AuditEntries.AsNoTracking().Where(a => a.Action == action).OrderBy(a => a.Id).ToListAsync();
    }

    [Fact]
    public async Task A_campaign_made_with_the_form_is_a_draft_with_its_items_and_its_price_warning()
    {
        await using var host = BotHostFactory.OnPostgres(database.ConnectionString);
        var admin = host.CreateAdminClient();
        await admin.RegisterGroupAsync("room-form-1", name: "幸福里1栋团购群");
        var session = await ConsoleSession.SignInAsync(host, "lina");

        var form = await session.GetPageAsync("/console/campaigns/new");
        Assert.Contains("幸福里1栋团购群", ConsoleHtml.Text(form), StringComparison.Ordinal);
        var id = await CreateThroughFormAsync(session, Form(
            "秋梨特卖",
            ["room-form-1"],
            ("砀山梨", "梨，雪梨", "14.5", "15", "生鲜", "50"),
            ("香蕉", string.Empty, "6", "7", "生鲜", string.Empty)));

        var detail = await session.GetPageAsync($"/console/campaigns/{id}");
        var text = ConsoleHtml.Text(detail);
        Assert.Contains("活动已保存为草稿。", text, StringComparison.Ordinal);
        Assert.Equal("选品提醒： 1号 砀山梨 只比参考价便宜 3.3%，团购一般要便宜至少 10%。", ConsoleHtml.Element(detail, "selection-warnings"));
        Assert.Equal(
            ["1号 | 砀山梨 | 梨，雪梨 | 14.5 元 | 15 元 | 3.3% | 生鲜 | 50", "2号 | 香蕉 |  | 6 元 | 7 元 | 14.3% | 生鲜 | 不限"],
            ConsoleHtml.Rows(detail, "items"));

        // Stored as the API would have stored it: the business time, the aliases split, unlimited stock as null.
        var stored = await admin.GetFromJsonAsync<JsonElement>(Url($"/api/campaigns/{id}"));
        Assert.Equal("draft", stored.GetProperty("status").GetString());
        Assert.Equal("2099-01-01T20:00:00+08:00", stored.GetProperty("closesAt").GetString());
        Assert.Equal("2099-01-02T17:00:00+08:00", stored.GetProperty("pickupAt").GetString());
        Assert.Equal(["room-form-1"], stored.GetProperty("chatIds").EnumerateArray().Select(c => c.GetString() ?? string.Empty));
        var items = stored.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["梨", "雪梨"], items[0].GetProperty("aliases").EnumerateArray().Select(a => a.GetString() ?? string.Empty));
        Assert.Equal(50, items[0].GetProperty("stock").GetInt32());
        Assert.Equal(JsonValueKind.Null, items[1].GetProperty("stock").ValueKind);

        var audit = Assert.Single(await AuditAsync(host, "campaign.create"), a => a.Subject == $"campaign {id}");
        Assert.Equal("lina", audit.Actor);
        Assert.Equal("秋梨特卖", audit.Detail);
    }

    [Fact]
    public async Task A_refused_form_shows_each_error_beside_its_field_keeps_what_was_typed_and_stores_nothing()
    {
        await using var host = BotHostFactory.OnPostgres(database.ConnectionString);
        var admin = host.CreateAdminClient();
        var session = await ConsoleSession.SignInAsync(host, "zhou");
        var before = (await admin.GetFromJsonAsync<JsonElement>(Url("/api/campaigns"))).GetArrayLength();

        List<KeyValuePair<string, string>> form =
        [
            new("Title", " "),
            new("ClosesAt", "2001-01-01T20:00"),
            new("PickupAt", PickupAt),
            new("PickupPoint", "3栋大堂"),
            new("Items[0].Name", "冰箱"),
            new("Items[0].Price", "便宜"),
            new("Items[0].ReferencePrice", "2399"),
            new("Items[0].Category", "大家电"),
            new("Items[0].Stock", "-1"),
        ];
        var response = await session.PostFormAsync("/console/campaigns/new", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("什么都还没有保存", ConsoleHtml.Text(html), StringComparison.Ordinal);
        Assert.Equal("必填。", ConsoleHtml.FieldError(html, "Title"));
        Assert.Equal("截单时间已经过了，请选一个以后的时间。", ConsoleHtml.FieldError(html, "ClosesAt"));
        Assert.Equal("至少选一个已登记的群。", ConsoleHtml.FieldError(html, "ChatIds"));
        Assert.Equal("请填金额（元），如 12.8。", ConsoleHtml.FieldError(html, "Items[0].Price"));
        Assert.Equal("大家电体积大、分量重，不适合社区团购；确实要卖，请勾选“不适合团购也照样上架”。", ConsoleHtml.FieldError(html, "Items[0].Category"));
        Assert.Equal("不能小于 0；不填表示不限量。", ConsoleHtml.FieldError(html, "Items[0].Stock"));
        Assert.Equal(string.Empty, ConsoleHtml.FieldError(html, "Items[0].ReferencePrice"));
        Assert.Equal("冰箱", ConsoleHtml.InputValue(html, "Items[0].Name"));
        Assert.Equal("便宜", ConsoleHtml.InputValue(html, "Items[0].Price"));
        Assert.DoesNotContain("   at ", html, StringComparison.Ordinal);

        Assert.Equal(before, (await admin.GetFromJsonAsync<JsonElement>(Url("/api/campaigns"))).GetArrayLength());
        Assert.DoesNotContain(await AuditAsync(host, "campaign.create"), a => a.Actor == "zhou");
    }

    [Fact]
    public async Task A_draft_is_replaced_through_the_form_and_once_published_only_its_stock_changes()
    {
        await using var host = BotHostFactory.OnPostgres(database.ConnectionString);
        var admin = host.CreateAdminClient();
        await admin.RegisterGroupAsync("room-edit-1", name: "幸福里2栋团购群");
        var created = await admin.PostAsJsonAsync(Url("/api/campaigns"), new
        {
            title = "周四鲜果",
            chatIds = new[] { "room-edit-1" },
            closesAt = "2099-01-01T20:00:00+08:00",
            pickupAt = "2099-01-02T17:00:00+08:00",
            pickupPoint = "3栋大堂快递柜旁",
            items = new object[]
            {
                new { name = "红富士苹果", aliases = new[] { "苹果" }, price = 12.8m, referencePrice = 15.8m, category = "生鲜", stock = 100 },
                new { name = "香蕉", aliases = Array.Empty<string>(), price = 6m, referencePrice = 7m, category = "生鲜", stock = (int?)null },
            },
        });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var session = await ConsoleSession.SignInAsync(host, "qian");

        var edit = await session.GetPageAsync($"/console/campaigns/{id}/edit");
        Assert.Equal("周四鲜果", ConsoleHtml.InputValue(edit, "Title"));
        Assert.Equal(ClosesAt, ConsoleHtml.InputValue(edit, "ClosesAt"));
        Assert.Equal("红富士苹果", ConsoleHtml.InputValue(edit, "Items[0].Name"));
        Assert.Equal("苹果", ConsoleHtml.InputValue(edit, "Items[0].Aliases"));
        Assert.Equal("12.8", ConsoleHtml.InputValue(edit, "Items[0].Price"));
        Assert.Matches("<input[^>]*value=\"room-edit-1\"[^>]*checked", edit);

        var saved = await session.PostFormAsync($"/console/campaigns/{id}/edit", Form("周五鲜果", ["room-edit-1"], ("阿克苏苹果", "苹果", "13.5", "16", "生鲜", "80")));
        Assert.Equal($"/console/campaigns/{id}", saved.Headers.Location?.OriginalString);
        var replaced = await admin.GetFromJsonAsync<JsonElement>(Url($"/api/campaigns/{id}"));
        Assert.Equal("周五鲜果", replaced.GetProperty("title").GetString());
        var item = Assert.Single(replaced.GetProperty("items").EnumerateArray());
        Assert.Equal("阿克苏苹果", item.GetProperty("name").GetString());
        Assert.Equal(13.5m, item.GetProperty("price").GetDecimal());
        Assert.Equal("qian", Assert.Single(await AuditAsync(host, "campaign.update"), a => a.Subject == $"campaign {id}").Actor);

        // A viewer may not publish; ops may.
        var viewer = await ConsoleSession.SignInAsync(host, "guest", OpsRole.Viewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostFormAsync($"/console/campaigns/{id}", [], $"/console/campaigns/{id}/publish")).StatusCode);
        Assert.Equal("draft", (await admin.GetFromJsonAsync<JsonElement>(Url($"/api/campaigns/{id}"))).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Redirect, (await session.PostFormAsync($"/console/campaigns/{id}", [], $"/console/campaigns/{id}/publish")).StatusCode);

        var stockOnly = await session.GetPageAsync($"/console/campaigns/{id}/edit");
        Assert.Contains("只能改库存", ConsoleHtml.Text(stockOnly), StringComparison.Ordinal);
        Assert.Null(ConsoleHtml.InputValue(stockOnly, "Items[0].Name"));
        Assert.Equal("80", ConsoleHtml.InputValue(stockOnly, "Items[0].Stock"));

        var bad = await session.PostFormAsync($"/console/campaigns/{id}/edit", new Dictionary<string, string> { ["Items[0].ItemNo"] = "1", ["Items[0].StockWas"] = "80", ["Items[0].Stock"] = "很多" });
        Assert.Equal("库存要填整数；不填表示不限量。", ConsoleHtml.FieldError(await bad.Content.ReadAsStringAsync(), "Items[0].Stock"));
        var changed = await session.PostFormAsync($"/console/campaigns/{id}/edit", new Dictionary<string, string> { ["Items[0].ItemNo"] = "1", ["Items[0].StockWas"] = "80", ["Items[0].Stock"] = "60" });
        Assert.Equal($"/console/campaigns/{id}", changed.Headers.Location?.OriginalString);
        Assert.Contains("库存已更新：1号 库存 80 → 60。", ConsoleHtml.Text(await session.GetPageAsync($"/console/campaigns/{id}")), StringComparison.Ordinal);
        var published = await admin.GetFromJsonAsync<JsonElement>(Url($"/api/campaigns/{id}"));
        Assert.Equal(60, Assert.Single(published.GetProperty("items").EnumerateArray()).GetProperty("stock").GetInt32());
        Assert.Equal("周五鲜果", published.GetProperty("title").GetString());
        Assert.Equal("1号 库存 80 → 60", Assert.Single(await AuditAsync(host, "campaign.stock"), a => a.Subject == $"campaign {id}").Detail);
    }

    [Fact]
    public async Task Publishing_from_the_page_reaches_the_chat_and_its_orders_are_listed_searched_and_cut_off()
    {
        await using var scenario = await ChatScenario.StartAsync(settings => BotHostFactory.OnPostgres(database.ConnectionString, settings));
        var host = scenario.Host;
        var session = await ConsoleSession.SignInAsync(host, "sun");
        var id = await CreateThroughFormAsync(session, Form(
            "周四鲜果",
            [ChatScenario.ChatId],
            ("红富士苹果", "苹果", "12.8", "15.8", "生鲜", "100"),
            ("香蕉", string.Empty, "6", "7", "生鲜", string.Empty)));

        var publish = await session.PostFormAsync($"/console/campaigns/{id}", [], $"/console/campaigns/{id}/publish");
        Assert.Equal($"/console/campaigns/{id}", publish.Headers.Location?.OriginalString);
        var detail = await session.GetPageAsync($"/console/campaigns/{id}");
        Assert.Contains("已发布，开团预告正在发往 1 个群", ConsoleHtml.Text(detail), StringComparison.Ordinal);
        Assert.Contains("接单中", ConsoleHtml.Text(detail), StringComparison.Ordinal);

        var preview = await scenario.WaitForAsync(d => d.Text.StartsWith("【周四鲜果】开团啦", StringComparison.Ordinal));
        Assert.Equal(ChatScenario.ChatId, preview.Body.GetProperty("chatId").GetString());
        Assert.Contains("1号 红富士苹果 ¥12.8（超市¥15.8，省3元） 限100份", preview.Text, StringComparison.Ordinal);
        var audit = Assert.Single(await AuditAsync(host, "campaign.publish"), a => a.Subject == $"campaign {id}");
        Assert.Equal("sun", audit.Actor);
        var cutOff = Assert.Single(host.Services.GetRequiredService<JobStorage>().GetMonitoringApi().ScheduledJobs(0, 100), j => j.Value.Job.Type == typeof(CutOffCampaign)).Value;
        Assert.Equal(id, Convert.ToInt64(cutOff.Job.Args[0], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new DateTime(2099, 1, 1, 12, 0, 0, DateTimeKind.Utc), cutOff.EnqueueAt);

        await scenario.SayAsync("u-wang", "王阿姨", "苹果+2");
        await scenario.SayAsync("u-li", "李叔", "2号+1");

        var orders = ConsoleHtml.Rows(await session.GetPageAsync($"/console/campaigns/{id}"), "order-list");
        Assert.Equal(
            ["阳光花园3栋团购群 | 王阿姨 | 1号红富士苹果×2 | 25.6 元 | 已下单 | —", "阳光花园3栋团购群 | 李叔 | 2号香蕉×1 | 6 元 | 已下单 | —"],
            orders);
        Assert.Equal([orders[0]], ConsoleHtml.Rows(await session.GetPageAsync($"/console/campaigns/{id}?q=王阿姨"), "order-list"));
        Assert.Equal([orders[1]], ConsoleHtml.Rows(await session.GetPageAsync($"/console/campaigns/{id}?q=香蕉"), "order-list"));
        Assert.Equal([orders[0]], ConsoleHtml.Rows(await session.GetPageAsync($"/console/campaigns/{id}?q=苹果"), "order-list"));
        Assert.Contains("没有找到符合的订单", ConsoleHtml.Text(await session.GetPageAsync($"/console/campaigns/{id}?q=赵叔")), StringComparison.Ordinal);

        // 截单 asks to be confirmed; once confirmed every chat hears it and the orders get their codes.
        await session.PostFormAsync($"/console/campaigns/{id}", [], $"/console/campaigns/{id}/close");
        Assert.Contains("截单前请先勾选确认", ConsoleHtml.Text(await session.GetPageAsync($"/console/campaigns/{id}")), StringComparison.Ordinal);
        Assert.Equal("published", (await scenario.Admin.GetFromJsonAsync<JsonElement>(Url($"/api/campaigns/{id}"))).GetProperty("status").GetString());

        await session.PostFormAsync($"/console/campaigns/{id}", new Dictionary<string, string> { ["confirm"] = "true" }, $"/console/campaigns/{id}/close");
        var closed = await session.GetPageAsync($"/console/campaigns/{id}");
        Assert.Contains("已截单，1 个群会收到截单通知", ConsoleHtml.Text(closed), StringComparison.Ordinal);
        Assert.Equal("closed", (await scenario.Admin.GetFromJsonAsync<JsonElement>(Url($"/api/campaigns/{id}"))).GetProperty("status").GetString());
        var announcement = await scenario.WaitForAsync(d => d.IdempotencyKey.StartsWith("cut-off:", StringComparison.Ordinal));
        Assert.StartsWith("【周四鲜果】已截单，本群共2位邻居下单", announcement.Text, StringComparison.Ordinal);
        var stored = await scenario.Admin.GetFromJsonAsync<JsonElement>(Url($"/api/campaigns/{id}/orders"));
        var code = stored.EnumerateArray().Single(o => o.GetProperty("residentId").GetString() == "u-wang").GetProperty("pickupCode").GetString()!;
        Assert.Equal(
            [$"阳光花园3栋团购群 | 王阿姨 | 1号红富士苹果×2 | 25.6 元 | 已下单 | {code}"],
            ConsoleHtml.Rows(await session.GetPageAsync($"/console/campaigns/{id}?q={code}"), "order-list"));
        Assert.Equal("sun", Assert.Single(await AuditAsync(host, "campaign.close"), a => a.Subject == $"campaign {id}").Actor);

        // A progress notice goes to the chat once, however often it is pressed.
        await session.PostFormAsync($"/console/campaigns/{id}", new Dictionary<string, string> { ["stage"] = "sorting" }, $"/console/campaigns/{id}/progress");
        Assert.Contains("进度通知正在发往 1 个群", ConsoleHtml.Text(await session.GetPageAsync($"/console/campaigns/{id}")), StringComparison.Ordinal);
        await scenario.WaitForAsync(d => d.Text.StartsWith("【周四鲜果】商品已到达仓储点，正在分拣", StringComparison.Ordinal));
        await session.PostFormAsync($"/console/campaigns/{id}", new Dictionary<string, string> { ["stage"] = "sorting" }, $"/console/campaigns/{id}/progress");
        Assert.Contains("这些群之前都已收到过", ConsoleHtml.Text(await session.GetPageAsync($"/console/campaigns/{id}")), StringComparison.Ordinal);
        await scenario.OutboxDrainedAsync();
        Assert.Single(scenario.Bridge.Deliveries, d => d.Text.Contains("正在分拣", StringComparison.Ordinal));
        Assert.Equal("sorting: 1 queued", Assert.Single(await AuditAsync(host, "campaign.progress"), a => a.Subject == $"campaign {id}").Detail);

        // The list shows it cut off, with its order count.
        var listed = ConsoleHtml.Rows(await session.GetPageAsync("/console/campaigns?status=closed"), "campaigns");
        Assert.Contains(listed, r => r.StartsWith("周四鲜果 | 已截单 | 阳光花园3栋团购群 |", StringComparison.Ordinal) && r.EndsWith("| 2", StringComparison.Ordinal));
        Assert.DoesNotContain(ConsoleHtml.Rows(await session.GetPageAsync("/console/campaigns?status=taking"), "campaigns"), r => r.StartsWith("周四鲜果 |", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_pick_list_is_shown_community_then_leader_then_resident_and_its_csv_is_the_apis()
    {
        await using var host = BotHostFactory.OnPostgres(database.ConnectionString);
        var admin = host.CreateAdminClient();
        var seeded = await SeededCampaign.CreateAsync(host);
        await seeded.ChangeAsync(host, (campaign, _, now) => campaign.Close(now));
        var session = await ConsoleSession.SignInAsync(host, "wu");

        var rows = ConsoleHtml.Rows(await session.GetPageAsync($"/console/campaigns/{seeded.CampaignId}"), "picklist-table");

        var api = await admin.GetFromJsonAsync<JsonElement>(Url($"/api/campaigns/{seeded.CampaignId}/picklist"));
        static string Lines(JsonElement lines) => string.Join("、", lines.EnumerateArray().Select(l => $"{l.GetProperty("itemNo").GetInt32()}号{l.GetProperty("name").GetString()}×{l.GetProperty("quantity").GetInt32()}"));
        var expected = new List<string>();
        foreach (var community in api.GetProperty("communities").EnumerateArray())
        {
            expected.Add($"{community.GetProperty("name").GetString()}（{community.GetProperty("orderCount").GetInt32()} 单：{Lines(community.GetProperty("items"))}）");
            foreach (var parcel in community.GetProperty("leaders").EnumerateArray())
            {
                expected.Add($"{parcel.GetProperty("label").GetString()} {parcel.GetProperty("groupName").GetString()}；{Lines(parcel.GetProperty("items"))}");
                expected.AddRange(parcel.GetProperty("orders").EnumerateArray().Select(o => $"{o.GetProperty("residentName").GetString()} | {o.GetProperty("pickupCode").GetString()} | {Lines(o.GetProperty("lines"))}"));
            }
        }

        Assert.Equal(expected, rows);
        Assert.Contains("李姐｜阳光花园｜3单 阳光花园3栋团购群；1号红富士苹果×3、2号香蕉×4", rows);
        Assert.Contains("王阿姨 | 1001 | 1号红富士苹果×2、2号香蕉×1", rows);

        var csv = await session.Client.GetAsync(Url($"/console/campaigns/{seeded.CampaignId}/csv"));
        var fromApi = await admin.GetAsync(Url($"/api/campaigns/{seeded.CampaignId}/picklist?format=csv"));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"picklist-{seeded.CampaignId}.csv", csv.Content.Headers.ContentDisposition?.FileName);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(await fromApi.Content.ReadAsByteArrayAsync(), bytes);
        var lines = System.Text.Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("社区,团长,包裹标签,群,居民,取件码,商品编号,商品,数量", lines[0]);
        Assert.Contains("阳光花园,李姐,李姐｜阳光花园｜3单,阳光花园3栋团购群,王阿姨,1001,1,红富士苹果,2", lines);
    }
}
