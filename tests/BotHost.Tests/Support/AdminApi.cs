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
