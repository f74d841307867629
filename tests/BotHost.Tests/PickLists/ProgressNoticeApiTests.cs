using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Conversations.Campaigns;
using GroupBuy.Testing;
using Xunit;

namespace GroupBuy.BotHost.Tests.PickLists;

/// <summary>Ops tell a campaign's groups where the goods are; each group hears each stage once, through the bridge.</summary>
public sealed class ProgressNoticeApiTests : IAsyncLifetime
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
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        bridge.Dispose();
        await database.DisposeAsync();
    }

    private static Uri Url(string path) => new(path, UriKind.Relative);

    private Task<HttpResponseMessage> PostStageAsync(long campaignId, string stage) =>
        admin.PostAsJsonAsync(Url($"/api/campaigns/{campaignId}/progress"), new { stage });

    [Fact]
    public async Task Each_stage_reaches_every_group_once_even_when_posted_twice()
    {
        var seeded = await SeededCampaign.CreateAsync(host);
        await seeded.ChangeAsync(host, (campaign, _, now) => campaign.Close(now));

        var first = await PostStageAsync(seeded.CampaignId, "sorting");
        var second = await PostStageAsync(seeded.CampaignId, "sorting");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var firstBody = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("sorting", firstBody.GetProperty("stage").GetString());
        Assert.Equal(3, firstBody.GetProperty("queued").GetInt32());
        Assert.Equal(0, firstBody.GetProperty("alreadyQueued").GetInt32());
        Assert.Empty(firstBody.GetProperty("warnings").EnumerateArray());
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        var secondBody = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, secondBody.GetProperty("queued").GetInt32());
        Assert.Equal(3, secondBody.GetProperty("alreadyQueued").GetInt32());

        var sorting = await bridge.WaitForDeliveriesAsync(3);
        await Task.Delay(500);
        Assert.Equal(3, bridge.Deliveries.Count);
        Assert.Equal(["room-a1", "room-a2", "room-b1"], sorting.Select(d => d.Body.GetProperty("chatId").GetString() ?? string.Empty).Order(StringComparer.Ordinal));
        Assert.All(sorting, d => Assert.StartsWith("【周四鲜果】商品已到达仓储点，正在分拣", d.Text, StringComparison.Ordinal));
        Assert.Equal(
            seeded.Groups.Values.Select(g => ProgressNotices.NoticeKey(seeded.CampaignId, g, SupplyStage.Sorting)).Order(StringComparer.Ordinal),
            sorting.Select(d => d.IdempotencyKey).Order(StringComparer.Ordinal));

        var delivered = await PostStageAsync(seeded.CampaignId, "delivered");

        Assert.Equal(3, (await delivered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("queued").GetInt32());
        var all = await bridge.WaitForDeliveriesAsync(6);
        var notices = all.Where(d => d.Text.Contains("商品已配送至社区，请及时领取", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, notices.Count);
        Assert.All(notices, d =>
        {
            Assert.Contains("自提点：各小区自提点", d.Text, StringComparison.Ordinal);
            Assert.Contains("自提时间：", d.Text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Dismissed_groups_are_skipped_and_chats_still_taking_orders_are_warned_about()
    {
        var seeded = await SeededCampaign.CreateAsync(host, withOrders: false);
        await seeded.ChangeAsync(host, (campaign, groups, now) =>
        {
            campaign.CloseIn(groups[0].Id, now);
            campaign.CloseIn(groups[1].Id, now);
            groups[1].Dismiss(now);
        });

        var response = await PostStageAsync(seeded.CampaignId, "sorting");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, body.GetProperty("queued").GetInt32());
        var warnings = body.GetProperty("warnings").EnumerateArray().Select(w => w.GetString() ?? string.Empty).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w.Contains("room-a2", StringComparison.Ordinal) && w.Contains("dismissed", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("room-b1", StringComparison.Ordinal) && w.Contains("still taking orders", StringComparison.Ordinal));
        var deliveries = await bridge.WaitForDeliveriesAsync(2);
        await Task.Delay(300);
        Assert.Equal(["room-a1", "room-b1"], bridge.Deliveries.Select(d => d.Body.GetProperty("chatId").GetString() ?? string.Empty).Order(StringComparer.Ordinal));
        Assert.Equal(2, deliveries.Count);
    }

    [Theory]
    [InlineData("""{"stage":"arrived"}""")]
    [InlineData("""{"stage":"Sorting "}""")]
    [InlineData("""{"stage":"1"}""")]
    [InlineData("""{"stage":1}""")]
    [InlineData("""{}""")]
    public async Task An_unknown_stage_is_a_400_naming_stage_and_nothing_is_sent(string json)
    {
        var seeded = await SeededCampaign.CreateAsync(host, withOrders: false);

        var response = await admin.PostAsync(Url($"/api/campaigns/{seeded.CampaignId}/progress"), new StringContent(json, Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrors("stage"));
        await Task.Delay(300);
        Assert.Empty(bridge.Deliveries);
    }

    [Fact]
    public async Task Unknown_campaigns_and_drafts_are_refused()
    {
        var draft = await SeededCampaign.CreateAsync(host, publish: false, withOrders: false);

        await (await PostStageAsync(424242, "sorting")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await PostStageAsync(draft.CampaignId, "delivered")).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await host.CreateAnonymousClient().PostAsJsonAsync(Url($"/api/campaigns/{draft.CampaignId}/progress"), new { stage = "sorting" })).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await Task.Delay(300);
        Assert.Empty(bridge.Deliveries);
    }
}
