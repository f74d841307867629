using GroupBuy.Conversations.Chats;
using GroupBuy.Conversations.Inbox;
using Microsoft.Extensions.Configuration;

namespace GroupBuy.Conversations.AfterSales;

/// <summary>
/// <c>AfterSales:OpsChannel</c> and <c>AfterSales:OpsChatId</c>: the ops (客服) group chat that is
/// told of every new ticket and of escalations, and where anyone may give ticket commands; unset,
/// ops follow tickets through <c>GET /api/tickets</c> only. <c>AfterSales:FollowUpDelayHours</c>
/// (default 2, 0–72): how long after a resolution is carried out the follow-up (回访) asks for a
/// rating, so it comes once the resident has seen the refund or the new goods.
/// <c>AfterSales:FollowUpAnswerDays</c> (default 3, 1–14): how long a rating is waited for.
/// </summary>
public sealed record AfterSalesSettings(string? OpsChannel, string? OpsChatId, TimeSpan FollowUpDelay, TimeSpan FollowUpAnswerWindow)
{
    public const string OpsChannelKey = "AfterSales:OpsChannel";
    public const string OpsChatIdKey = "AfterSales:OpsChatId";
    public const string FollowUpDelayHoursKey = "AfterSales:FollowUpDelayHours";
    public const string FollowUpAnswerDaysKey = "AfterSales:FollowUpAnswerDays";

    public bool HasOpsChat => OpsChannel is not null && OpsChatId is not null;

    public bool IsOpsChat(string channel, string? chatId) =>
        HasOpsChat && channel == OpsChannel && string.Equals(chatId, OpsChatId, StringComparison.Ordinal);

    public static AfterSalesSettings FromConfiguration(IConfiguration configuration)
    {
        var chatId = configuration[OpsChatIdKey];
        var channel = configuration[OpsChannelKey];
        string? opsChannel = null;
        if (string.IsNullOrWhiteSpace(chatId) && !string.IsNullOrWhiteSpace(channel))
        {
            throw new InvalidSettingException($"{OpsChannelKey} is set but {OpsChatIdKey} is not; give the ops chat's id, or unset both.");
        }

        if (!string.IsNullOrWhiteSpace(chatId))
        {
            if (string.IsNullOrWhiteSpace(channel) || !ChannelNames.IsKnown(channel.Trim()))
            {
                throw new InvalidSettingException($"{OpsChannelKey} is '{channel}'; with {OpsChatIdKey} set, name the ops chat's channel: gateway or wecom.");
            }

            opsChannel = channel.Trim();
        }

        return new AfterSalesSettings(
            opsChannel,
            string.IsNullOrWhiteSpace(chatId) ? null : chatId.Trim(),
            TimeSpan.FromHours(InboxSettings.Read(configuration, FollowUpDelayHoursKey, 2, 0, 72)),
            TimeSpan.FromDays(InboxSettings.Read(configuration, FollowUpAnswerDaysKey, 3, 1, 14)));
    }
}
