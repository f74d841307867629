using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Inbox;
using GroupBuy.Conversations.Routing;

namespace GroupBuy.Conversations.AfterSales;

/// <summary>
/// Takes ticket commands (退款 / 换货 / 补偿 / 完成 T1024) from the leader of the ticket's group, in
/// any chat, and from anyone in the ops chat. Leaders are answered privately where the channel
/// can, since a complaint is not the group's business; ops in their own chat.
/// </summary>
public sealed class TicketCommandHandler(TicketDesk desk, AfterSalesSettings settings) : IMessageHandler
{
    public async Task<bool> HandleAsync(MessageContext context, CancellationToken cancellationToken)
    {
        if (context.Message.Kind != InboundMessageKind.Text || !TicketCommandReader.TryRead(context.Text.Text, out var command))
        {
            return false;
        }

        var message = context.Message;
        var inOpsChat = settings.IsOpsChat(message.Channel, message.ChatId);
        var actor = TicketActor.InChat(message.Channel, message.SenderId, inOpsChat);
        var result = await RunAsync(command, actor, context.Now, cancellationToken);
        var reply = Reply(command, result);
        if (inOpsChat)
        {
            await context.ReplyAsync(reply, cancellationToken);
        }
        else
        {
            await context.ReplyPrivatelyAsync(reply, cancellationToken);
        }

        return true;
    }

    private async Task<TicketCommandResult> RunAsync(TicketCommand command, TicketActor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (command.Kind == TicketCommandKind.Done)
        {
            return await desk.MarkDoneAsync(command.TicketId, actor, now, cancellationToken);
        }

        if (command.IsMalformed || (command.Amount is { } yuan && command.Kind == TicketCommandKind.Compensation && !CashCompensation.IsValid(yuan)))
        {
            return new TicketCommandResult(TicketCommandOutcome.BadAmount, null);
        }

        var resolution = command.Kind switch
        {
            TicketCommandKind.Refund => new Resolution(ResolutionKind.Refund, now),
            TicketCommandKind.Exchange => new Resolution(ResolutionKind.Exchange, now),
            _ => new Resolution(
                ResolutionKind.Compensation, now, command.Coupon ? CouponCompensation.Standard : new CashCompensation(command.Amount!.Value)),
        };
        return await desk.DecideAsync(command.TicketId, resolution, command.Kind == TicketCommandKind.Refund ? command.Amount : null, actor, cancellationToken);
    }

    private static TicketCommandMessage Reply(TicketCommand command, TicketCommandResult result)
    {
        var text = result is { Outcome: TicketCommandOutcome.Decided or TicketCommandOutcome.Done, Ticket.Resolution: { } resolution }
            ? ResolutionText.Of(resolution, result.Ticket.RefundAmount ?? 0m)
            : null;
        var outcome = result.Outcome switch
        {
            TicketCommandOutcome.Decided => "decided",
            TicketCommandOutcome.Done => "done",
            TicketCommandOutcome.NotFound => "not_found",
            TicketCommandOutcome.NotYours => "not_yours",
            TicketCommandOutcome.OwnTicket => "own_ticket",
            TicketCommandOutcome.CannotDecide => "cannot_decide",
            TicketCommandOutcome.NotAccepted => "not_accepted",
            TicketCommandOutcome.AlreadyDone => "already_done",
            _ => "bad_amount",
        };
        var status = result.Ticket is { } ticket ? TicketStatusNames.Of(ticket.Status) : null;
        var paid = result is { Outcome: TicketCommandOutcome.BadAmount, Ticket: { } refused } ? ChineseFormat.Money(refused.Paid) : null;
        return new TicketCommandMessage(outcome, command.Number, text?.Name, text?.Amount, status, paid);
    }
}
