using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Testing;
using Xunit;

namespace GroupBuy.BotHost.Tests.Campaigns;

/// <summary>Ops prepare and publish campaigns through the admin API; previews reach the chats through the bridge.</summary>
public sealed class CampaignApiTests : IAsyncLifetime
{
    private readonly PostgresDatabase database = MigratedDatabase.Create();
    private readonly BridgeServer bridge = new();
    private BotHostFactory host = null!;
    private HttpClient admin = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        host = BotHostFactory.OnPostgres(database.ConnectionString, ("Gateway:Secret", GatewayClient.Secret), ("Gateway:OutboundUrl", bridge.OutboundUrl.ToString()));
        admin = host.CreateAdminClient();
        await admin.RegisterGroupAsync("room-1");
        await admin.RegisterGroupAsync("room-2", name: "阳光花园5栋团购群");
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        bridge.Dispose();
        await database.DisposeAsync();
    }

    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static object Campaign(params object[] items) => new
    {
        title = "周四鲜果",
        chatIds = new[] { "room-1", "room-2" },
        closesAt = DateTimeOffset.UtcNow.AddDays(1).ToOffset(TimeSpan.FromHours(8)),
        pickupAt = DateTimeOffset.UtcNow.AddDays(2).ToOffset(TimeSpan.FromHours(8)),
        pickupPoint = "3栋大堂快递柜旁",
        items = items.Length > 0 ? items : [Apple, Banana],
    };

    private static readonly object Apple = new { name = "红富士苹果", aliases = new[] { "苹果" }, price = 12.8m, referencePrice = 15.8m, category = "生鲜", stock = 100 };
    private static readonly object Banana = new { name = "香蕉", aliases = Array.Empty<string>(), price = 6m, referencePrice = 7m, category = "生鲜", stock = (int?)null };

    [Fact]
    public async Task A_campaign_is_created_with_items_numbered_from_one_in_the_given_order()
    {
        var response = await admin.PostAsJsonAsync(Url("/api/campaigns"), Campaign());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var campaign = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("draft", campaign.GetProperty("status").GetString());
        var items = campaign.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([1, 2], items.Select(i => i.GetProperty("itemNo").GetInt32()));
        Assert.Equal(["红富士苹果", "香蕉"], items.Select(i => i.GetProperty("name").GetString() ?? string.Empty));
        Assert.Equal(100, items[0].GetProperty("stock").GetInt32());
        Assert.Equal(JsonValueKind.Null, items[1].GetProperty("stock").ValueKind);
        Assert.Equal(["room-1", "room-2"], campaign.GetProperty("chatIds").EnumerateArray().Select(c => c.GetString() ?? string.Empty));
        Assert.Empty(campaign.GetProperty("warnings").EnumerateArray());
        Assert.Equal($"/api/campaigns/{campaign.GetProperty("id").GetInt64()}", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData(14.5, 15, "below its reference price; group buys usually need at least 10%")]
    [InlineData(10, 15, "above 20% the margin may be too thin")]
    public async Task A_price_advantage_outside_ten_to_twenty_percent_is_a_warning(decimal price, decimal reference, string warning)
    {
        var response = await admin.PostAsJsonAsync(Url("/api/campaigns"), Campaign(new { name = "梨", price, referencePrice = reference, category = "生鲜" }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var warnings = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("warnings").EnumerateArray().Select(w => w.GetString() ?? string.Empty).ToList();
        Assert.Contains(warnings, w => w.Contains("Item 1 (梨)", StringComparison.Ordinal) && w.Contains(warning, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unsuitable_category_needs_an_explicit_override()
    {
        var refused = await admin.PostAsJsonAsync(Url("/api/campaigns"), Campaign(new { name = "冰箱", price = 1999m, referencePrice = 2399m, category = "大家电" }));

        var problem = await refused.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("allowUnsuitable", Assert.Single(problem.FieldErrors("items[0].category")), StringComparison.Ordinal);

        var allowed = await admin.PostAsJsonAsync(Url("/api/campaigns"), Campaign(new { name = "冰箱", price = 1999m, referencePrice = 2399m, category = "大家电", allowUnsuitable = true }));
        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
        Assert.Contains((await allowed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("override", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"chatIds":["room-1"],"closesAt":"2099-01-01T20:00:00+08:00","pickupAt":"2099-01-02T17:00:00+08:00","pickupPoint":"p","items":[{"name":"a","price":1,"referencePrice":1.2,"category":"生鲜"}]}""", "title")]
    [InlineData("""{"title":"t","chatIds":[],"closesAt":"2099-01-01T20:00:00+08:00","pickupAt":"2099-01-02T17:00:00+08:00","pickupPoint":"p","items":[{"name":"a","price":1,"referencePrice":1.2,"category":"生鲜"}]}""", "chatIds")]
    [InlineData("""{"title":"t","chatIds":["room-9"],"closesAt":"2099-01-01T20:00:00+08:00","pickupAt":"2099-01-02T17:00:00+08:00","pickupPoint":"p","items":[{"name":"a","price":1,"referencePrice":1.2,"category":"生鲜"}]}""", "chatIds[0]")]
    [InlineData("""{"title":"t","chatIds":["room-1"],"closesAt":"2001-01-01T20:00:00+08:00","pickupAt":"2099-01-02T17:00:00+08:00","pickupPoint":"p","items":[{"name":"a","price":1,"referencePrice":1.2,"category":"生鲜"}]}""", "closesAt")]
    [InlineData("""{"title":"t","chatIds":["room-1"],"closesAt":"2099-01-03T20:00:00+08:00","pickupAt":"2099-01-02T17:00:00+08:00","pickupPoint":"p","items":[{"name":"a","price":1,"referencePrice":1.2,"category":"生鲜"}]}""", "pickupAt")]
    [InlineData("""{"title":"t","chatIds":["room-1"],"closesAt":"2099-01-01T20:00:00+08:00","pickupAt":"2099-01-02T17:00:00+08:00","pickupPoint":"p","items":[]}""", "items")]
    [InlineData("""{"title":"t","chatIds":["room-1"],"closesAt":"2099-01-01T20:00:00+08:00","pickupAt":"2099-01-02T17:00:00+08:00","pickupPoint":"p","items":[{"name":"a","price":0,"referencePrice":1.2,"category":"生鲜"}]}""", "items[0].price")]
    [InlineData("""{"title":"t","chatIds":["room-1"],"closesAt":"2099-01-01T20:00:00+08:00","pickupAt":"2099-01-02T17:00:00+08:00","pickupPoint":"p","items":[{"name":"a","price":1,"category":"生鲜"}]}""", "items[0].referencePrice")]
    [InlineData("""{"title":"t","chatIds":["room-1"],"closesAt":"2099-01-01T20:00:00+08:00","pickupAt":"2099-01-02T17:00:00+08:00","pickupPoint":"p","items":[{"name":"a","price":1,"referencePrice":1.2,"category":"玩具"}]}""", "items[0].category")]
    [InlineData("""{"title":"t","chatIds":["room-1"],"closesAt":"2099-01-01T20:00:00+08:00","pickupAt":"2099-01-02T17:00:00+08:00","pickupPoint":"p","items":[{"name":"a","price":1,"referencePrice":1.2,"category":"生鲜","stock":-1}]}""", "items[0].stock")]
    [InlineData("""{"title":"t","chatIds":["room-1"],"closesAt":"2099-01-01T20:00:00+08:00","pickupAt":"2099-01-02T17:00:00+08:00","pickupPoint":"p","items":[{"name":"a","price":"cheap","referencePrice":1.2,"category":"生鲜"}]}""", "items[0].price")]
    public async Task A_bad_campaign_is_a_400_naming_the_field_and_nothing_is_stored(string json, string field)
    {
        var response = await admin.PostAsync(Url("/api/campaigns"), new StringContent(json, Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrors(field));
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>(Url("/api/campaigns"))).EnumerateArray());
    }

    [Fact]
    public async Task Publishing_posts_the_preview_into_every_chat_of_the_campaign_once()
    {
        var id = (await (await admin.PostAsJsonAsync(Url("/api/campaigns"), Campaign())).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var published = await admin.PostAsync(Url($"/api/campaigns/{id}/publish"), null);

        Assert.Equal(HttpStatusCode.Accepted, published.StatusCode);
        Assert.Equal(2, (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("previewsQueued").GetInt32());
        var deliveries = await bridge.WaitForDeliveriesAsync(2);
        Assert.Equal(["room-1", "room-2"], deliveries.Select(d => d.Body.GetProperty("chatId").GetString() ?? string.Empty).Order(StringComparer.Ordinal));
        Assert.All(deliveries, d =>
        {
            Assert.StartsWith("【周四鲜果】开团啦～", d.Text, StringComparison.Ordinal);
            Assert.Contains("1号 红富士苹果 ¥12.8（超市¥15.8，省3元） 限100份", d.Text, StringComparison.Ordinal);
            Assert.Contains("2号 香蕉 ¥6（超市¥7，省1元）", d.Text, StringComparison.Ordinal);
            Assert.Contains("自提：", d.Text, StringComparison.Ordinal);
            Assert.Contains("3栋大堂快递柜旁", d.Text, StringComparison.Ordinal);
        });

        var again = await admin.PostAsync(Url($"/api/campaigns/{id}/publish"), null);
        await again.AssertProblemAsync(HttpStatusCode.Conflict);
        await Task.Delay(500);
        Assert.Equal(2, bridge.Deliveries.Count);
        Assert.Equal("published", (await admin.GetFromJsonAsync<JsonElement>(Url($"/api/campaigns/{id}"))).GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_unknown_campaign_is_a_404_everywhere()
    {
        await (await admin.GetAsync(Url("/api/campaigns/424242"))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PostAsync(Url("/api/campaigns/424242/publish"), null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync(Url("/api/campaigns/424242/orders"))).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_new_campaign_has_an_empty_order_book()
    {
        var id = (await (await admin.PostAsJsonAsync(Url("/api/campaigns"), Campaign())).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var orders = await admin.GetFromJsonAsync<JsonElement>(Url($"/api/campaigns/{id}/orders"));

        Assert.Equal(JsonValueKind.Array, orders.ValueKind);
        Assert.Empty(orders.EnumerateArray());
    }

    [Fact]
    public async Task Campaigns_need_the_admin_key()
    {
        await (await host.CreateAnonymousClient().PostAsJsonAsync(Url("/api/campaigns"), Campaign())).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
