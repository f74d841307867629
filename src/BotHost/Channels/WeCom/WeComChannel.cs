using GroupBuy.BotHost.Channels.WeCom.Api;
using GroupBuy.Conversations.Chats;
using GroupBuy.Conversations.Groups;
using GroupBuy.Conversations.Outbox;
using GroupBuy.Conversations.Storage;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.BotHost.Channels.WeCom;

/// <summary>
/// WeCom (企业微信). The bot hears only what is addressed to it (@-mentions to the intelligent
/// robot, members writing to the application) and posts through the door each group has: its group
/// robot, the application's group chat, or a customer-group message the leader confirms (at most
/// one a day per group). Private messages go to members as application messages.
/// </summary>
internal sealed class WeComChannel(WeComApiClient api, IServiceScopeFactory scopes, TimeProvider clock) : IChatChannel
{
    // A group robot takes 20 messages a minute; the other doors allow more, so this holds for all.
    private static readonly SendRateLimit PerTarget = new(20, TimeSpan.FromMinutes(1));

    // WeCom keeps a response_url for an hour; leave a margin for the request itself.
    private static readonly TimeSpan ReplyUrlLifetime = TimeSpan.FromMinutes(55);

    public string Name => ChannelNames.WeCom;

    public ChannelCapabilities Capabilities { get; } = new(Hearing.MentionsOnly, Posting.Free, HasPrivateChat: true, PerTarget, MaxMentionsPerMessage: 50);

    public async Task SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        try
        {
            if (await TryAnswerAtReplyUrlAsync(message, cancellationToken))
            {
                return;
            }

            if (message.ToUserId is { } userId)
            {
                await api.SendAppMessageAsync(WeComAppMessage.ToMembers(WeComTextFormat.Text, message.Text, userId), cancellationToken);
                return;
            }

            await SendToGroupAsync(message, message.ChatId!, cancellationToken);
        }
        catch (WeComRateLimitedException ex)
        {
            throw new ChannelSendException(ex.Message, retryAfter: ex.RetryAfter, innerException: ex);
        }
        catch (WeComConfigurationException ex)
        {
            // A setting ops can fix: keep retrying (slowly) until the give-up time, so nothing is lost.
            throw new ChannelSendException(ex.Message, retryAfter: TimeSpan.FromMinutes(5), innerException: ex);
        }
        catch (WeComTransientException ex) when (ex.MayHaveBeenDelivered)
        {
            // WeCom may have posted it and these doors have no duplicate check: a resend could post it twice.
            throw new ChannelSendException($"{ex.Message} It may have been delivered, so it is not sent again.", permanent: true, innerException: ex);
        }
        catch (WeComTransientException ex)
        {
            throw new ChannelSendException(ex.Message, innerException: ex);
        }
        catch (WeComApiException ex)
        {
            throw new ChannelSendException(ex.Message, permanent: true, innerException: ex);
        }
    }

    /// <summary>
    /// An answer to an @-mention goes back through the robot's response_url while it is good (one
    /// use, one hour); when WeCom refuses it there, the answer takes the group's ordinary route.
    /// </summary>
    private async Task<bool> TryAnswerAtReplyUrlAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        if (message.ReplyUrl is not { } replyUrl || clock.GetUtcNow() - message.CreatedAt > ReplyUrlLifetime)
        {
            return false;
        }

        try
        {
            await api.RespondToRobotAsync(replyUrl, message.Text, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is WeComApiException and not WeComRateLimitedException || ex is ArgumentException)
        {
            return false;
        }
    }

    private async Task SendToGroupAsync(OutboundMessage message, string chatId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
        var group = await db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.Channel == ChannelNames.WeCom && g.ChatId == chatId, cancellationToken)
            ?? throw new ChannelSendException($"No WeCom group '{chatId}' is registered.", permanent: true);
        if (group.DismissedAt is not null)
        {
            throw new ChannelSendException($"WeCom group '{chatId}' was dismissed.", permanent: true);
        }

        switch (group.WeComRoute)
        {
            case WeComRoute.Robot:
                await api.SendRobotAsync(group.WeComRobotKey!, new WeComRobotText(message.Text) { MentionedUserIds = message.Mentions }, cancellationToken);
                break;
            case WeComRoute.AppChat:
                await api.SendAppChatAsync(new WeComAppChatMessage(chatId, WeComTextFormat.Text, message.Text), cancellationToken);
                break;
            case WeComRoute.CustomerGroup:
                await EnsureDailyQuotaAsync(db, message, cancellationToken);
                await api.AddGroupMessageTemplateAsync(new WeComGroupMessageTemplate(group.LeaderId, message.Text) { ChatIds = [chatId] }, cancellationToken);
                break;
            default:
                throw new ChannelSendException($"WeCom group '{chatId}' has no route; register it with weComRoute.", permanent: true);
        }
    }

    /// <summary>A customer group takes one group message a day: a second one waits for tomorrow.</summary>
    private async Task EnsureDailyQuotaAsync(GroupBuyDbContext db, OutboundMessage message, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = WeComGroupMessageQuota.DayOf(now);
        var dayStart = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), WeComGroupMessageQuota.ChinaOffset);
        var sentToday = await db.OutboundMessages.CountAsync(
            m => m.TargetKey == message.TargetKey && m.Status == OutboundMessageStatus.Sent && m.SentAt >= dayStart,
            cancellationToken);
        if (sentToday >= WeComGroupMessageQuota.PerGroupPerDay)
        {
            throw new ChannelSendException(
                "This customer group already had its group message today; it goes out tomorrow.",
                retryAfter: dayStart.AddDays(1) - now + TimeSpan.FromMinutes(1));
        }
    }
}
