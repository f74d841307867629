using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Testing;
using Xunit;

namespace GroupBuy.BotHost.Tests.PickLists;

/// <summary>
/// The pick list of <see cref="SeededCampaign"/> against figures worked out by hand:
/// <code>
/// 李姐 阳光花园 3单: 苹果 2+1 = 3, 香蕉 1+3 = 4     (钱姐 cancelled, not counted)
/// 王哥 阳光花园 2单: 苹果 1+4 = 5, 香蕉 2
/// 张姐 幸福里   2单: 苹果 1,       香蕉 1+1 = 2
/// 阳光花园 5单: 苹果 8, 香蕉 6;  幸福里 2单: 苹果 1, 香蕉 2
/// campaign 7单: 苹果 9, 香蕉 8, 砂糖橘 0
/// </code>
/// Codes go chat by chat, oldest order first, from 1001: 李姐's chat is cut off first
/// (王阿姨 1001, 赵叔 1002, 郑奶奶 1003), then the campaign (孙阿姨 1004, 周大爷 1005, 吴姐 1006, =1+1 1007).
/// </summary>
public sealed class PickListApiTests : IAsyncLifetime
{
    private readonly PostgresDatabase database = MigratedDatabase.Create();
    private BotHostFactory host = null!;
    private HttpClient admin = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        host = BotHostFactory.OnPostgres(database.ConnectionString);
        admin = host.CreateAdminClient();
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await database.DisposeAsync();
    }

    private static Uri Url(string path) => new(path, UriKind.Relative);

    /// <summary>"1×9 2×8 3×0": item totals as one comparable string.</summary>
    private static string Totals(JsonElement items) =>
        string.Join(' ', items.EnumerateArray().Select(i => $"{i.GetProperty("itemNo").GetInt32()}×{i.GetProperty("quantity").GetInt32()}"));

    private static string Lines(JsonElement order) =>
        string.Join(' ', order.GetProperty("lines").EnumerateArray().Select(l => $"{l.GetProperty("itemNo").GetInt32()}{l.GetProperty("name").GetString()}×{l.GetProperty("quantity").GetInt32()}"));

    private static string? Code(JsonElement order) => order.GetProperty("pickupCode").GetString();

    [Fact]
    public async Task The_pick_list_goes_community_then_leader_then_order_with_hand_computed_totals_and_labels()
    {
        var seeded = await SeededCampaign.CreateAsync(host);
        await seeded.ChangeAsync(host, (campaign, _, now) => campaign.Close(now));

        var list = await admin.GetFromJsonAsync<JsonElement>(Url($"/api/campaigns/{seeded.CampaignId}/picklist"));

        Assert.True(list.GetProperty("final").GetBoolean());
        Assert.Equal("周四鲜果", list.GetProperty("title").GetString());
        Assert.Equal(7, list.GetProperty("orderCount").GetInt32());
        Assert.Equal("1×9 2×8 3×0", Totals(list.GetProperty("items")));

        var communities = list.GetProperty("communities").EnumerateArray().ToList();
        Assert.Equal(["幸福里", "阳光花园"], communities.Select(c => c.GetProperty("name").GetString() ?? string.Empty));
        Assert.Equal([2, 5], communities.Select(c => c.GetProperty("orderCount").GetInt32()));
        Assert.Equal(["1×1 2×2", "1×8 2×6"], communities.Select(c => Totals(c.GetProperty("items"))));

        var leaders = communities.SelectMany(c => c.GetProperty("leaders").EnumerateArray()).ToList();
        Assert.Equal(["张姐｜幸福里｜2单", "李姐｜阳光花园｜3单", "王哥｜阳光花园｜2单"], leaders.Select(l => l.GetProperty("label").GetString() ?? string.Empty));
        Assert.Equal(["1×1 2×2", "1×3 2×4", "1×5 2×2"], leaders.Select(l => Totals(l.GetProperty("items"))));
        Assert.Equal(["room-b1", "room-a1", "room-a2"], leaders.Select(l => l.GetProperty("chatId").GetString() ?? string.Empty));
        var li = leaders[1];
        Assert.Equal("李姐", li.GetProperty("leaderName").GetString());
        Assert.Equal("阳光花园", li.GetProperty("community").GetString());
        Assert.Equal("阳光花园3栋团购群", li.GetProperty("groupName").GetString());
        Assert.Equal(3, li.GetProperty("orderCount").GetInt32());

        var orders = li.GetProperty("orders").EnumerateArray().ToList();
        Assert.Equal(["王阿姨", "赵叔", "郑奶奶"], orders.Select(o => o.GetProperty("residentName").GetString() ?? string.Empty));
        Assert.Equal(["1红富士苹果×2 2香蕉×1", "2香蕉×3", "1红富士苹果×1"], orders.Select(Lines));
        Assert.All(leaders.SelectMany(l => l.GetProperty("orders").EnumerateArray()), o => Assert.Matches("^[0-9]{4}$", Code(o)));
    }

    [Fact]
    public async Task Before_every_chat_is_cut_off_the_list_is_provisional_and_only_cut_off_chats_have_codes()
    {
        var seeded = await SeededCampaign.CreateAsync(host);
        await seeded.ChangeAsync(host, (campaign, groups, now) => campaign.CloseIn(groups[0].Id, now));

        var provisional = await admin.GetFromJsonAsync<JsonElement>(Url($"/api/campaigns/{seeded.CampaignId}/picklist"));

        Assert.False(provisional.GetProperty("final").GetBoolean());
        Assert.Equal("1×9 2×8 3×0", Totals(provisional.GetProperty("items")));
        var byChat = provisional.GetProperty("communities").EnumerateArray().SelectMany(c => c.GetProperty("leaders").EnumerateArray())
            .ToDictionary(l => l.GetProperty("chatId").GetString()!, l => l);
        Assert.True(byChat["room-a1"].GetProperty("orderingOver").GetBoolean());
        Assert.Equal(["1001", "1002", "1003"], byChat["room-a1"].GetProperty("orders").EnumerateArray().Select(o => Code(o) ?? string.Empty));
        Assert.False(byChat["room-a2"].GetProperty("orderingOver").GetBoolean());
        Assert.All(byChat["room-a2"].GetProperty("orders").EnumerateArray().Concat(byChat["room-b1"].GetProperty("orders").EnumerateArray()), o => Assert.Null(Code(o)));

        // Cut-off everywhere: the other chats' codes continue the count, the first chat's stay, and a
        // picked-up order (已取) is still in its leader's parcel.
        await seeded.ChangeAsync(host, (campaign, _, now) => campaign.Close(now));
        var final = await admin.GetFromJsonAsync<JsonElement>(Url($"/api/campaigns/{seeded.CampaignId}/picklist"));
        await seeded.ConfirmPickupAsync(host, "周大爷");
        var again = await admin.GetFromJsonAsync<JsonElement>(Url($"/api/campaigns/{seeded.CampaignId}/picklist"));

        Assert.True(final.GetProperty("final").GetBoolean());
        static string Codes(JsonElement list) => string.Join(' ', list.GetProperty("communities").EnumerateArray()
            .SelectMany(c => c.GetProperty("leaders").EnumerateArray())
            .SelectMany(l => l.GetProperty("orders").EnumerateArray())
            .Select(o => $"{o.GetProperty("residentName").GetString()}:{Code(o)}"));
        Assert.Equal("吴姐:1006 =1+1:1007 王阿姨:1001 赵叔:1002 郑奶奶:1003 孙阿姨:1004 周大爷:1005", Codes(final));
        Assert.Equal(Codes(final), Codes(again));
        Assert.Equal("1×9 2×8 3×0", Totals(again.GetProperty("items")));
    }

    [Fact]
    public async Task The_csv_has_one_row_per_order_line_in_utf8_with_a_bom_for_excel()
    {
        var seeded = await SeededCampaign.CreateAsync(host);
        await seeded.ChangeAsync(host, (campaign, _, now) => campaign.Close(now));

        var response = await admin.GetAsync(Url($"/api/campaigns/{seeded.CampaignId}/picklist?format=csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"picklist-{seeded.CampaignId}.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        var rows = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("社区,团长,包裹标签,群,居民,取件码,商品编号,商品,数量", rows[0]);
        Assert.Equal(10, rows.Length - 1);
        Assert.Equal("阳光花园,李姐,李姐｜阳光花园｜3单,阳光花园3栋团购群,王阿姨,1001,1,红富士苹果,2", rows[4]);
        Assert.Equal("阳光花园,王哥,王哥｜阳光花园｜2单,阳光花园5栋团购群,周大爷,1005,2,香蕉,2", rows[^1]);
        // A resident called "=1+1" must not become a formula when the warehouse opens the file.
        Assert.Contains(rows, r => r.Contains(",'=1+1,", StringComparison.Ordinal) || r.Contains(",\"'=1+1\",", StringComparison.Ordinal));
        var quantities = rows.Skip(1).Select(r => r.Split(',')).GroupBy(f => f[^3]).ToDictionary(g => g.Key, g => g.Sum(f => int.Parse(f[^1], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(9, quantities["1"]);
        Assert.Equal(8, quantities["2"]);
    }

    [Fact]
    public async Task Accept_text_csv_asks_for_the_csv_and_a_provisional_list_says_so_in_its_file_name()
    {
        var seeded = await SeededCampaign.CreateAsync(host);
        using var request = new HttpRequestMessage(HttpMethod.Get, Url($"/api/campaigns/{seeded.CampaignId}/picklist"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));

        var response = await admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"picklist-{seeded.CampaignId}-provisional.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Contains("Accept", response.Headers.Vary);
        var rows = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(11, rows.Length);
        Assert.All(rows.Skip(1), r => Assert.Equal(string.Empty, r.Split(',')[5]));
    }

    [Fact]
    public async Task A_campaign_without_orders_lists_its_items_with_nothing_to_pick()
    {
        var seeded = await SeededCampaign.CreateAsync(host, withOrders: false);

        var list = await admin.GetFromJsonAsync<JsonElement>(Url($"/api/campaigns/{seeded.CampaignId}/picklist"));

        Assert.False(list.GetProperty("final").GetBoolean());
        Assert.Equal("1×0 2×0 3×0", Totals(list.GetProperty("items")));
        Assert.Empty(list.GetProperty("communities").EnumerateArray());
    }

    [Fact]
    public async Task Unknown_campaigns_drafts_and_unknown_formats_are_refused()
    {
        var draft = await SeededCampaign.CreateAsync(host, publish: false, withOrders: false);

        await (await admin.GetAsync(Url("/api/campaigns/424242/picklist"))).AssertProblemAsync(HttpStatusCode.NotFound);
        var conflict = await (await admin.GetAsync(Url($"/api/campaigns/{draft.CampaignId}/picklist"))).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("draft", conflict.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var badFormat = await (await admin.GetAsync(Url($"/api/campaigns/{draft.CampaignId}/picklist?format=xlsx"))).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(badFormat.FieldErrors("format"));
        await (await host.CreateAnonymousClient().GetAsync(Url($"/api/campaigns/{draft.CampaignId}/picklist"))).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
