using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Conversations.Ordering;
using GroupBuy.Conversations.Residents;
using GroupBuy.Conversations.Storage;
using GroupBuy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GroupBuy.BotHost.Tests.Campaigns;

/// <summary>
/// Ops edit campaigns through the admin API: drafts are replaced, deleted and changed item by
/// item; after publish only stock changes; refused requests store nothing.
/// </summary>
public sealed class CampaignEditingTests : IAsyncLifetime
{
    private static readonly object Apple = new { name = "红富士苹果", aliases = new[] { "苹果" }, price = 12.8m, referencePrice = 15.8m, category = "生鲜", stock = 100 };
    private static readonly object Banana = new { name = "香蕉", aliases = Array.Empty<string>(), price = 6m, referencePrice = 7m, category = "生鲜", stock = (int?)null };
    private static readonly object Pear = new { name = "梨", aliases = new[] { "雪梨" }, price = 14.5m, referencePrice = 15m, category = "生鲜", stock = 20 };

    private readonly PostgresDatabase database = MigratedDatabase.Create();
    private readonly BridgeServer bridge = new();
    private BotHostFactory host = null!;
    private HttpClient admin = null!;
    private long roomOne;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        host = BotHostFactory.OnPostgres(database.ConnectionString, ("Gateway:Secret", GatewayClient.Secret), ("Gateway:OutboundUrl", bridge.OutboundUrl.ToString()));
        admin = host.CreateAdminClient();
        roomOne = await admin.RegisterGroupAsync("room-1");
        await admin.RegisterGroupAsync("room-2", name: "阳光花园5栋团购群");
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        bridge.Dispose();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task Replacing_a_draft_changes_its_details_chats_and_items_numbered_again_from_one()
    {
        var id = await CreateAsync();

        var response = await admin.PutAsJsonAsync(Url($"/api/campaigns/{id}"), Campaign(["room-2"], "周五鲜果", Pear, Apple));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replaced = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(Strings(replaced.GetProperty("warnings")), w => w.Contains("Item 1 (梨)", StringComparison.Ordinal));
        var stored = await GetAsync(id);
        Assert.Equal("周五鲜果", stored.GetProperty("title").GetString());
        Assert.Equal("draft", stored.GetProperty("status").GetString());
        Assert.Equal(["room-2"], Strings(stored.GetProperty("chatIds")));
        var items = stored.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([1, 2], items.Select(i => i.GetProperty("itemNo").GetInt32()));
        Assert.Equal(["梨", "红富士苹果"], items.Select(i => i.GetProperty("name").GetString() ?? string.Empty));
        Assert.Equal(20, items[0].GetProperty("stock").GetInt32());
        Assert.Equal([1, 2], replaced.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("itemNo").GetInt32()));
    }

    [Theory]
    [InlineData("""{"chatIds":["room-1"],"closesAt":"2099-01-01T20:00:00+08:00","pickupAt":"2099-01-02T17:00:00+08:00","pickupPoint":"p","items":[{"name":"a","price":1,"referencePrice":1.2,"category":"生鲜"}]}""", "title")]
    [InlineData("""{"title":"t","chatIds":["room-9"],"closesAt":"2099-01-01T20:00:00+08:00","pickupAt":"2099-01-02T17:00:00+08:00","pickupPoint":"p","items":[{"name":"a","price":1,"referencePrice":1.2,"category":"生鲜"}]}""", "chatIds[0]")]
    [InlineData("""{"title":"t","chatIds":["room-1"],"closesAt":"2001-01-01T20:00:00+08:00","pickupAt":"2099-01-02T17:00:00+08:00","pickupPoint":"p","items":[{"name":"a","price":1,"referencePrice":1.2,"category":"生鲜"}]}""", "closesAt")]
    [InlineData("""{"title":"t","chatIds":["room-1"],"closesAt":"2099-01-01T20:00:00+08:00","pickupAt":"2099-01-02T17:00:00+08:00","pickupPoint":"p","items":[]}""", "items")]
    [InlineData("""{"title":"t","chatIds":["room-1"],"closesAt":"2099-01-01T20:00:00+08:00","pickupAt":"2099-01-02T17:00:00+08:00","pickupPoint":"p","items":[{"name":"a","price":1,"referencePrice":1.2,"category":"生鲜"},{"name":"b","price":0,"referencePrice":1.2,"category":"生鲜"}]}""", "items[1].price")]
    [InlineData("""{"title":"t","chatIds":["room-1"],"closesAt":"2099-01-01T20:00:00+08:00","pickupAt":"2099-01-02T17:00:00+08:00","pickupPoint":"p","items":[{"name":"a","price":1,"referencePrice":1.2,"category":"大家电"}]}""", "items[0].category")]
    [InlineData("""{"title":"t","chatIds":["room-1"],"closesAt":"2099-01-01T20:00:00+08:00","pickupAt":"2099-01-02T17:00:00+08:00","pickupPoint":"p","items":[{"name":"a","price":"cheap","referencePrice":1.2,"category":"生鲜"}]}""", "items[0].price")]
    public async Task A_bad_replacement_is_a_400_naming_the_field_and_nothing_is_stored(string json, string field)
    {
        var id = await CreateAsync();

        var problem = await AssertRefusedAsync(id, HttpStatusCode.BadRequest, () => admin.PutAsync(Url($"/api/campaigns/{id}"), Json(json)));

        Assert.NotEmpty(problem.FieldErrors(field));
    }

    [Theory]
    [InlineData(false, "is published")]
    [InlineData(true, "is closed")]
    public async Task Replacing_a_published_or_closed_campaign_is_a_409_and_nothing_is_stored(bool close, string why)
    {
        var id = await CreatePublishedAsync(close);

        var problem = await AssertRefusedAsync(id, HttpStatusCode.Conflict, () => admin.PutAsJsonAsync(Url($"/api/campaigns/{id}"), Campaign(["room-2"], "周五鲜果", Pear)));

        Assert.Contains(why, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_a_draft_removes_it_with_its_items()
    {
        var id = await CreateAsync();

        var response = await admin.DeleteAsync(Url($"/api/campaigns/{id}"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await (await admin.GetAsync(Url($"/api/campaigns/{id}"))).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>(Url("/api/campaigns"))).EnumerateArray());
    }

    [Theory]
    [InlineData(false, "close it instead")]
    [InlineData(true, "is closed")]
    public async Task Deleting_a_published_or_closed_campaign_is_a_409_and_it_stays(bool close, string why)
    {
        var id = await CreatePublishedAsync(close);

        var problem = await AssertRefusedAsync(id, HttpStatusCode.Conflict, () => admin.DeleteAsync(Url($"/api/campaigns/{id}")));

        Assert.Contains(why, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_item_changes_every_field_sent_and_gets_the_same_warnings_as_post()
    {
        var id = await CreateAsync();

        var response = await PatchAsync(id, 2, """{"name":" 进口香蕉 ","aliases":["蕉"],"price":9.5,"referencePrice":10,"category":"食品","stock":30}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var warnings = Strings((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("warnings"));
        Assert.Contains(warnings, w => w.Contains("Item 2 (进口香蕉)", StringComparison.Ordinal) && w.Contains("at least 10%", StringComparison.Ordinal));
        var items = (await GetAsync(id)).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal("红富士苹果", items[0].GetProperty("name").GetString());
        Assert.Equal("进口香蕉", items[1].GetProperty("name").GetString());
        Assert.Equal(["蕉"], Strings(items[1].GetProperty("aliases")));
        Assert.Equal(9.5m, items[1].GetProperty("price").GetDecimal());
        Assert.Equal(10m, items[1].GetProperty("referencePrice").GetDecimal());
        Assert.Equal("食品", items[1].GetProperty("category").GetString());
        Assert.Equal(30, items[1].GetProperty("stock").GetInt32());
    }

    [Fact]
    public async Task An_item_keeps_the_fields_not_sent_and_null_stock_means_unlimited()
    {
        var id = await CreateAsync();

        var response = await PatchAsync(id, 1, """{"stock":null}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var apple = (await GetAsync(id)).GetProperty("items")[0];
        Assert.Equal(JsonValueKind.Null, apple.GetProperty("stock").ValueKind);
        Assert.Equal("红富士苹果", apple.GetProperty("name").GetString());
        Assert.Equal(["苹果"], Strings(apple.GetProperty("aliases")));
        Assert.Equal(12.8m, apple.GetProperty("price").GetDecimal());
    }

    [Fact]
    public async Task An_unsuitable_category_on_an_item_needs_the_override_as_on_post()
    {
        var id = await CreateAsync();

        var refused = await AssertRefusedAsync(id, HttpStatusCode.BadRequest, () => PatchAsync(id, 1, """{"category":"冰淇淋"}"""));
        Assert.Contains("allowUnsuitable", Assert.Single(refused.FieldErrors("category")), StringComparison.Ordinal);

        var allowed = await PatchAsync(id, 1, """{"category":"冰淇淋","allowUnsuitable":true}""");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Contains(Strings((await allowed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("warnings")), w => w.Contains("override", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"stock":-1}""", "stock")]
    [InlineData("""{"stock":"many"}""", "stock")]
    [InlineData("""{"stock":1.5}""", "stock")]
    [InlineData("""{"price":0}""", "price")]
    [InlineData("""{"price":"cheap"}""", "price")]
    [InlineData("""{"referencePrice":-3}""", "referencePrice")]
    [InlineData("""{"name":"  "}""", "name")]
    [InlineData("""{"aliases":[""]}""", "aliases")]
    [InlineData("""{"category":"玩具"}""", "category")]
    [InlineData("""{}""", "body")]
    public async Task A_bad_item_change_is_a_400_naming_the_field_and_nothing_is_stored(string json, string field)
    {
        var id = await CreateAsync();

        var problem = await AssertRefusedAsync(id, HttpStatusCode.BadRequest, () => PatchAsync(id, 1, json));

        Assert.NotEmpty(problem.FieldErrors(field));
    }

    [Fact]
    public async Task After_publish_only_stock_changes_and_price_or_name_changes_are_a_409_saying_why()
    {
        var id = await CreatePublishedAsync(close: false);

        var stock = await PatchAsync(id, 1, """{"stock":40}""");
        Assert.Equal(HttpStatusCode.OK, stock.StatusCode);
        Assert.Equal(40, (await GetAsync(id)).GetProperty("items")[0].GetProperty("stock").GetInt32());

        var refused = await AssertRefusedAsync(id, HttpStatusCode.Conflict, () => PatchAsync(id, 1, """{"stock":50,"price":9.9,"name":"苹果"}"""));

        var detail = refused.GetProperty("detail").GetString();
        Assert.Contains("published", detail, StringComparison.Ordinal);
        Assert.Contains("name, price", detail, StringComparison.Ordinal);
        Assert.Contains("residents have ordered", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_campaign_takes_no_item_changes()
    {
        var id = await CreatePublishedAsync(close: true);

        var problem = await AssertRefusedAsync(id, HttpStatusCode.Conflict, () => PatchAsync(id, 1, """{"stock":40}"""));

        Assert.Contains("closed", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Setting_stock_while_an_order_holds_the_item_waits_for_it_and_is_not_refused()
    {
        var id = await CreatePublishedAsync(close: false);
        var resident = await ResidentAsync("u-1");
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
        await using var order = await db.Database.BeginTransactionAsync();
        var outcome = await scope.ServiceProvider.GetRequiredService<OrderBook>()
            .ApplyAsync(await db.Campaigns.Include(c => c.Items).SingleAsync(c => c.Id == id), roomOne, resident, OrderEdit.Add, [new OrderQuantity(1, 3)], DateTimeOffset.UtcNow, CancellationToken.None);
        Assert.Equal([new OrderQuantity(1, 3)], outcome.Changed);

        // The order has taken its 3 (100 → 97) and holds the row; ops' edit comes after it whatever the timing.
        var edit = PatchAsync(id, 1, """{"stock":5}""");
        await Task.Delay(200);
        await db.SaveChangesAsync();
        await order.CommitAsync();

        Assert.Equal(HttpStatusCode.OK, (await edit).StatusCode);
        Assert.Equal(5, (await GetAsync(id)).GetProperty("items")[0].GetProperty("stock").GetInt32());
        var orders = await admin.GetFromJsonAsync<JsonElement>(Url($"/api/campaigns/{id}/orders"));
        Assert.Equal(3, Assert.Single(orders.EnumerateArray()).GetProperty("lines")[0].GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task Campaigns_can_be_listed_by_status()
    {
        var draft = await CreateAsync();
        var published = await CreatePublishedAsync(close: false);
        var closed = await CreatePublishedAsync(close: true);

        Assert.Equal([draft], await ListIdsAsync("?status=draft"));
        Assert.Equal([published], await ListIdsAsync("?status=published"));
        Assert.Equal([closed], await ListIdsAsync("?status=Closed"));
        Assert.Equal([closed, published, draft], await ListIdsAsync(string.Empty));
    }

    [Theory]
    [InlineData("open")]
    [InlineData("1")]
    [InlineData("draft,closed")]
    public async Task An_unknown_status_is_a_400_naming_status(string status)
    {
        var response = await admin.GetAsync(Url($"/api/campaigns?status={Uri.EscapeDataString(status)}"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("draft, published, closed", Assert.Single(problem.FieldErrors("status")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_campaign_or_item_is_a_404()
    {
        var id = await CreateAsync();

        await (await admin.PutAsJsonAsync(Url("/api/campaigns/424242"), Campaign(["room-1"], "t", Apple))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await admin.DeleteAsync(Url("/api/campaigns/424242"))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await PatchAsync(424242, 1, """{"stock":1}""")).AssertProblemAsync(HttpStatusCode.NotFound);
        var noItem = await (await PatchAsync(id, 3, """{"stock":1}""")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("1 to 2", noItem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_needs_the_admin_key()
    {
        var id = await CreateAsync();
        var anonymous = host.CreateAnonymousClient();

        await AssertRefusedAsync(id, HttpStatusCode.Unauthorized, () => anonymous.PutAsJsonAsync(Url($"/api/campaigns/{id}"), Campaign(["room-1"], "t", Apple)));
        await AssertRefusedAsync(id, HttpStatusCode.Unauthorized, () => anonymous.DeleteAsync(Url($"/api/campaigns/{id}")));
        await AssertRefusedAsync(id, HttpStatusCode.Unauthorized, () => anonymous.PatchAsync(Url($"/api/campaigns/{id}/items/1"), Json("""{"stock":1}""")));
    }

    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString() ?? string.Empty)];

    private static object Campaign(string[] chatIds, string title, params object[] items) => new
    {
        title,
        chatIds,
        closesAt = DateTimeOffset.UtcNow.AddDays(1).ToOffset(TimeSpan.FromHours(8)),
        pickupAt = DateTimeOffset.UtcNow.AddDays(2).ToOffset(TimeSpan.FromHours(8)),
        pickupPoint = "3栋大堂快递柜旁",
        items,
    };

    private async Task<long> CreateAsync()
    {
        var response = await admin.PostAsJsonAsync(Url("/api/campaigns"), Campaign(["room-1", "room-2"], "周四鲜果", Apple, Banana));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    private async Task<long> CreatePublishedAsync(bool close)
    {
        var id = await CreateAsync();
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync(Url($"/api/campaigns/{id}/publish"), null)).StatusCode);
        if (close)
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync(Url($"/api/campaigns/{id}/close"), null)).StatusCode);
        }

        return id;
    }

    private Task<HttpResponseMessage> PatchAsync(long id, int itemNo, string json) =>
        admin.PatchAsync(Url($"/api/campaigns/{id}/items/{itemNo}"), Json(json));

    /// <summary>Sends a request that must be refused with a problem; checks the campaign is stored as it was, and returns the problem.</summary>
    private async Task<JsonElement> AssertRefusedAsync(long id, HttpStatusCode status, Func<Task<HttpResponseMessage>> send)
    {
        var before = await GetRawAsync(id);
        var problem = await (await send()).AssertProblemAsync(status);
        Assert.Equal(before, await GetRawAsync(id));
        return problem;
    }

    private Task<JsonElement> GetAsync(long id) => admin.GetFromJsonAsync<JsonElement>(Url($"/api/campaigns/{id}"));

    private Task<string> GetRawAsync(long id) => admin.GetStringAsync(Url($"/api/campaigns/{id}"));

    private async Task<List<long>> ListIdsAsync(string query) =>
        [.. (await admin.GetFromJsonAsync<JsonElement>(Url($"/api/campaigns{query}"))).EnumerateArray().Select(c => c.GetProperty("id").GetInt64())];

    private async Task<long> ResidentAsync(string userId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
        var resident = new Resident("gateway", userId, "王阿姨", DateTimeOffset.UtcNow);
        db.Residents.Add(resident);
        await db.SaveChangesAsync();
        return resident.Id;
    }
}
