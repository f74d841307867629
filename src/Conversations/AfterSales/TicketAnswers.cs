using GroupBuy.Conversations.Routing;
using GroupBuy.Conversations.Storage;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.Conversations.AfterSales;

/// <summary>
/// A resident's answers about their tickets, on the chat where the ticket talks to them: 1 / 同意
/// or 2 / 不同意 to a proposed resolution, 1–5 to the follow-up (in a group, said to the bot). A
/// pending proposal goes first, so "1" accepts rather than rates.
/// </summary>
public sealed class TicketAnswers(GroupBuyDbContext db, TicketDesk desk)
{
    public async Task<bool> TryAnswerAsync(MessageContext context, CancellationToken cancellationToken)
    {
        // In a group (a channel without private chats), only what is said to the bot: "好的" to a
        // neighbour must not accept a refund.
        if (!context.IsPrivate && !context.Text.AddressedToBot)
        {
            return false;
        }

        var text = context.Text.Text;
        var accept = IntakeAnswers.IsAccept(text);
        var decline = IntakeAnswers.IsDecline(text);
        var rates = IntakeAnswers.TryRating(text, out var rating);
        if (!accept && !decline && !rates)
        {
            return false;
        }

        var message = context.Message;
        var tickets = await db.Tickets.Include(t => t.Lines).Include(t => t.Events)
            .Where(t => t.Channel == message.Channel && t.ResidentUserId == message.SenderId && t.ReplyChatId == message.ChatId
                && (t.Status == TicketStatus.Proposed || (t.Status == TicketStatus.Done && t.FollowUpSentAt != null)))
            .OrderByDescending(t => t.Id)
            .ToListAsync(cancellationToken);

        if (tickets.FirstOrDefault(t => t.Status == TicketStatus.Proposed) is { } proposed && (accept || decline))
        {
            if (accept)
            {
                await desk.AcceptAsync(proposed, context.Now, cancellationToken);
            }
            else
            {
                await desk.DeclineAsync(proposed, context.Now, cancellationToken);
            }

            return true;
        }

        if (rates && tickets.FirstOrDefault(t => t.IsAwaitingFollowUpAnswer) is { } followedUp)
        {
            await desk.RateAsync(followedUp, rating, context.Now, cancellationToken);
            return true;
        }

        return false;
    }
}
