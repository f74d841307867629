using System.Net.Http.Json;
using System.Text.Json;

namespace GroupBuy.BotHost.Tests.Support;

internal static class AdminApi
{
    /// <summary>Registers a group through the admin API, as ops would; returns its id.</summary>
    public static async Task<long> RegisterGroupAsync(this HttpClient admin, string chatId, string channel = "gateway", string leaderId = "u-leader", string name = "阳光花园3栋团购群")
    {
        var response = await admin.PostAsJsonAsync(new Uri("/api/groups", UriKind.Relative), new
        {
            chatId,
            channel,
            name,
            community = "阳光花园",
            leaderId,
            leaderName = "李姐",
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    /// <summary>
    /// Creates "周四鲜果" for the chats (closing in a day, picked up in two) and publishes it, as ops
    /// would; returns its id.
    /// </summary>
    public static async Task<long> PublishCampaignAsync(this HttpClient admin, IReadOnlyList<string> chatIds, params object[] items)
    {
        var created = await admin.PostAsJsonAsync(new Uri("/api/campaigns", UriKind.Relative), new
        {
            title = "周四鲜果",
            chatIds,
            closesAt = DateTimeOffset.UtcNow.AddDays(1).ToOffset(TimeSpan.FromHours(8)),
            pickupAt = DateTimeOffset.UtcNow.AddDays(2).ToOffset(TimeSpan.FromHours(8)),
            pickupPoint = "3栋大堂快递柜旁",
            items,
        });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        (await admin.PostAsync(new Uri($"/api/campaigns/{id}/publish", UriKind.Relative), null)).EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>Each resident's order as "1:2 3:1" (empty when cancelled), by resident id.</summary>
    public static async Task<Dictionary<string, string>> OrdersAsync(this HttpClient admin, long campaignId)
    {
        var orders = await admin.GetFromJsonAsync<JsonElement>(new Uri($"/api/campaigns/{campaignId}/orders", UriKind.Relative));
        return orders.EnumerateArray().ToDictionary(
            o => o.GetProperty("residentId").GetString()!,
            o => string.Join(' ', o.GetProperty("lines").EnumerateArray().Select(l => $"{l.GetProperty("itemNo").GetInt32()}:{l.GetProperty("quantity").GetInt32()}")));
    }

    /// <summary>Registers a WeCom group with the way the bot posts into it.</summary>
    public static async Task<long> RegisterWeComGroupAsync(this HttpClient admin, string chatId, string route, string? robotKey = null, string leaderId = "u-leader")
    {
        var response = await admin.PostAsJsonAsync(new Uri("/api/groups", UriKind.Relative), new
        {
            chatId,
            channel = "wecom",
            name = "幸福里团购",
            community = "幸福里",
            leaderId,
            leaderName = "张姐",
            weComRoute = route,
            robotKey,
        });
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64()
            : throw new InvalidOperationException($"Registering {chatId} failed: {body}");
    }
}
