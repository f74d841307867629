using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Chats;
using GroupBuy.Conversations.Groups;
using GroupBuy.Conversations.Storage;
using GroupBuy.Conversations.Time;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.BotHost.Channels.Simulator;

/// <summary>
/// A community to try the bot with, nothing else needed: one simulated group with its leader
/// (李姐), and a published campaign of three items, so a newcomer can order, cut off, get a pickup
/// code and complain within minutes.
/// </summary>
public sealed class DemoCommunity(GroupBuyDbContext db, CampaignPublishing publishing, ICutOffScheduler cutOffs, BusinessTimeZone zone, TimeProvider clock)
{
    public const string LeaderName = "李姐";
    public const string FirstChatId = "demo-1";

    /// <summary>Creates the demo group <paramref name="chatId"/> (the next free one when null) and publishes its campaign; null when that chat exists already.</summary>
    public async Task<Group?> CreateAsync(string? chatId, CancellationToken cancellationToken)
    {
        var number = await db.Groups.CountAsync(g => g.Channel == ChannelNames.Simulator, cancellationToken) + 1;
        chatId ??= $"demo-{number}";
        if (await db.Groups.AnyAsync(g => g.Channel == ChannelNames.Simulator && g.ChatId == chatId, cancellationToken))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var group = new Group(ChannelNames.Simulator, chatId, number == 1 ? "阳光花园3栋团购群（演示）" : $"阳光花园{number + 2}栋团购群（演示）", "阳光花园", SimulatorChat.PersonIdOf(LeaderName), LeaderName, now);
        db.Groups.Add(group);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // Another host made it at the same moment (two hosts starting on an empty database).
            return null;
        }

        // Orders close the day after tomorrow at 20:00 and are picked up the next day at 17:00, business time.
        var today = zone.DayOf(now);
        var closesAt = zone.At(today.AddDays(2), new TimeOnly(20, 0));
        var pickupAt = zone.At(today.AddDays(3), new TimeOnly(17, 0));
        var campaign = new Campaign("周末鲜果（演示）", closesAt, pickupAt, "3栋大堂快递柜旁", now);
        campaign.AddItem("红富士苹果", ["苹果"], 12.8m, 15.8m, "生鲜", 50);
        campaign.AddItem("香蕉", [], 6m, 6.9m, "生鲜", null);
        campaign.AddItem("五常大米10斤", ["大米"], 59.9m, 69.9m, "食品", 20);
        campaign.OfferOnlyIn([group.Id]);
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(cancellationToken);

        var published = await publishing.PublishAsync(campaign.Id, cancellationToken);
        if (published.Outcome == PublishOutcome.Published)
        {
            cutOffs.ScheduleCutOff(campaign.Id, closesAt);
        }

        return group;
    }
}
