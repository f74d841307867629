using GroupBuy.Conversations.Inbox;
using GroupBuy.Conversations.Routing;

namespace GroupBuy.Conversations.AfterSales;

/// <summary>
/// A resident's after-sales conversation: the next answer of an open intake (on the chat where it
/// is held), an answer to a ticket's proposal or follow-up, or a message that starts an intake.
/// Leaders and the ops chat are not taken: their problems are not intakes, and their ticket
/// commands go to <see cref="TicketCommandHandler"/>.
/// </summary>
public sealed class AfterSalesHandler(IntakeConversation intake, TicketAnswers answers, AfterSalesSettings settings) : IMessageHandler
{
    // Who has an intake held in the group chat being processed, read once per batch of its messages
    // (the handler lives for one batch). Only this handler starts or ends intakes in a chat, and it
    // forgets the set when it does; one that the silence timer ends is read again by the lookup below.
    private HeldIntakes? held;

    public async Task<bool> HandleAsync(MessageContext context, CancellationToken cancellationToken)
    {
        var message = context.Message;
        if (message.Kind is not (InboundMessageKind.Text or InboundMessageKind.Image)
            || context.FromLeader || settings.IsOpsChat(message.Channel, message.ChatId))
        {
            return false;
        }

        var open = await OpenHereAsync(context, cancellationToken);
        if (open is not null && IntakeConversation.IsAnswer(context, open))
        {
            held = null;
            await intake.ContinueAsync(context, open, cancellationToken);
            return true;
        }

        if (message.Kind == InboundMessageKind.Text && await answers.TryAnswerAsync(context, cancellationToken))
        {
            return true;
        }

        if (context.Text.Text.Length == 0 || await intake.TriggerOfAsync(context, cancellationToken) is not { } trigger)
        {
            return false;
        }

        held = null;
        open ??= await intake.OpenOfAsync(message.Channel, message.SenderId, cancellationToken);
        if (open is not null)
        {
            // Touched, so that an answer to the dialog processed at the same moment (in the other
            // chat) conflicts with this one and is retried after it, never interleaved.
            open.Heard(context.Now);
            context.Db.Entry(open).Property(d => d.LastActivityAt).IsModified = true;
            await context.ReplyAsync(new AfterSalesAlreadyOpenMessage(context.SenderName, ContinuePrivately: open.IsPrivate), cancellationToken);
            if (open.IsPrivate)
            {
                await intake.AskAgainAsync(context, open, cancellationToken);
            }

            return true;
        }

        return await intake.StartAsync(context, trigger, cancellationToken);
    }

    /// <summary>
    /// The sender's open intake when it is held in this chat. In a group, who has one there is read
    /// once per batch of the chat's messages: every "+1" of a burst passes through here.
    /// </summary>
    private async Task<IntakeDialog?> OpenHereAsync(MessageContext context, CancellationToken cancellationToken)
    {
        var message = context.Message;
        if (message.ChatId is { } chatId)
        {
            if (held is null || held.Channel != message.Channel || held.ChatId != chatId)
            {
                held = new HeldIntakes(message.Channel, chatId, await intake.HeldInAsync(message.Channel, chatId, cancellationToken));
            }

            if (!held.Residents.Contains(message.SenderId))
            {
                return null;
            }
        }

        var open = await intake.OpenOfAsync(message.Channel, message.SenderId, cancellationToken);
        return open is not null && open.ChatId == message.ChatId ? open : null;
    }

    private sealed record HeldIntakes(string Channel, string ChatId, IReadOnlySet<string> Residents);
}
