using GroupBuy.Conversations.Chats;
using GroupBuy.Conversations.Groups;
using GroupBuy.Conversations.Inbox;
using GroupBuy.Conversations.Simulator;
using GroupBuy.Conversations.Storage;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.BotHost.Channels.Simulator;

/// <summary>
/// Someone speaking in a simulated group (or privately to the bot): the line is shown in the
/// simulator and goes into the inbox exactly as a bridge's webhook would put it, in one transaction, so
/// the bot reads it like any other message.
/// </summary>
public sealed class SimulatorChat(GroupBuyDbContext db, MessageInbox inbox, TimeProvider clock)
{
    public const int MaxTextLength = 2000;

    /// <summary>The person id a name speaks with: the same name is the same resident every time.</summary>
    public static string PersonIdOf(string name) => "sim:" + name.Trim();

    public Task<List<Group>> GroupsAsync(CancellationToken cancellationToken) =>
        db.Groups.AsNoTracking().Where(g => g.Channel == ChannelNames.Simulator).OrderBy(g => g.Id).ToListAsync(cancellationToken);

    public Task<Group?> GroupAsync(string chatId, CancellationToken cancellationToken) =>
        db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.Channel == ChannelNames.Simulator && g.ChatId == chatId, cancellationToken);

    /// <summary>Says <paramref name="text"/> (or shows a photo) as a person, in the group or, with <paramref name="privately"/>, to the bot alone.</summary>
    public async Task SayAsync(Group group, string personId, string name, string? text, Uri? photo, bool privately, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var chatId = privately ? null : group.ChatId;
        db.SimulatorMessages.Add(SimulatorMessage.Said(chatId, personId, name, photo is null ? text! : "[图片]", now));
        var message = new InboundMessage(
            ChannelNames.Simulator,
            "sim-" + Guid.NewGuid().ToString("N"),
            chatId,
            personId,
            name,
            photo is null ? InboundMessageKind.Text : InboundMessageKind.Image,
            photo is null ? text : null,
            photo?.ToString(),
            quotedMessageId: null,
            mentions: [],
            now,
            now);

        // The line shown and the message stored: both or neither.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await inbox.AcceptAsync(message, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// What the simulator shows after message <paramref name="after"/>: the group's lines, and the
    /// private conversations of everyone who spoke in it (the leader included).
    /// </summary>
    public async Task<List<SimulatorMessage>> MessagesAsync(Group group, long after, CancellationToken cancellationToken)
    {
        var people = await db.SimulatorMessages.AsNoTracking()
            .Where(m => m.ChatId == group.ChatId && !m.FromBot)
            .Select(m => m.PersonId)
            .Distinct()
            .ToListAsync(cancellationToken);
        people.Add(group.LeaderId);
        return await db.SimulatorMessages.AsNoTracking()
            .Where(m => m.Id > after && (m.ChatId == group.ChatId || (m.ChatId == null && people.Contains(m.PersonId))))
            .OrderBy(m => m.Id)
            .Take(500)
            .ToListAsync(cancellationToken);
    }
}
