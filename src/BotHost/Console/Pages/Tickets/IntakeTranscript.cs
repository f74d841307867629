using GroupBuy.Conversations.AfterSales;
using GroupBuy.Conversations.Inbox;
using GroupBuy.Conversations.Routing;
using GroupBuy.Conversations.Storage;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.BotHost.Console.Pages.Tickets;

/// <summary>
/// The intake of a ticket as a conversation: the bot's answers while the dialog ran, each traced
/// by its outbox key (<see cref="ReplyKeys"/>) to the resident's message it answered. Nothing is
/// stored twice for this: the inbox and the outbox already hold both sides.
/// </summary>
public static class IntakeTranscript
{
    public static async Task<IReadOnlyList<TranscriptLine>> LoadAsync(GroupBuyDbContext db, Ticket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(ticket);
        var dialog = await db.IntakeDialogs.AsNoTracking().FirstOrDefaultAsync(d => d.TicketId == ticket.Id, cancellationToken);
        if (dialog is null)
        {
            return [];
        }

        var prefix = ReplyKeys.Prefix(dialog.Channel);
        var endedAt = dialog.EndedAt ?? dialog.LastActivityAt;
        var answers = await db.OutboundMessages.AsNoTracking()
            .Where(m => m.Channel == dialog.Channel && m.CreatedAt >= dialog.StartedAt && m.CreatedAt <= endedAt
                && m.IdempotencyKey.StartsWith(prefix)
                && (m.ToUserId == dialog.ResidentUserId || m.ChatId != null))
            .OrderBy(m => m.Id)
            .ToListAsync(cancellationToken);
        var answered = answers
            .Select(m => ReplyKeys.TryReadMessageId(m.IdempotencyKey, dialog.Channel, out var id) ? id : null)
            .OfType<string>()
            .Distinct()
            .ToList();
        var said = await db.InboundMessages.AsNoTracking()
            .Where(m => m.Channel == dialog.Channel && m.SenderId == dialog.ResidentUserId && answered.Contains(m.MessageId))
            .OrderBy(m => m.Id)
            .ToListAsync(cancellationToken);

        // The report that started it may be in the group; after that, only what was said where the
        // dialog was held belongs to it (the resident's orders in the group meanwhile do not).
        var first = said.FirstOrDefault();
        var heard = said.Where(m => m == first || m.ChatId == dialog.ChatId).ToDictionary(m => m.MessageId, StringComparer.Ordinal);

        var lines = new List<TranscriptLine>();
        foreach (var group in answers.GroupBy(m => ReplyKeys.TryReadMessageId(m.IdempotencyKey, dialog.Channel, out var id) ? id : string.Empty))
        {
            if (!heard.TryGetValue(group.Key, out var message))
            {
                continue;
            }

            var isPhoto = message.Kind == InboundMessageKind.Image;
            lines.Add(new TranscriptLine(message.ReceivedAt, FromResident: true, InGroup: message.ChatId is not null, message.Text ?? string.Empty, isPhoto));
            lines.AddRange(group.Select(answer => new TranscriptLine(answer.CreatedAt, FromResident: false, InGroup: answer.ChatId is not null, answer.Text, IsPhoto: false)));
        }

        return lines;
    }
}
