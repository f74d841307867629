namespace GroupBuy.Conversations.AfterSales;

/// <summary>
/// Who gives a ticket command: a user on a channel (allowed for tickets of the groups they lead),
/// or ops (in the ops chat, or through the admin API), allowed for every ticket.
/// </summary>
public sealed record TicketActor(string Id, string? Channel, bool IsOps)
{
    public static TicketActor Api { get; } = new(Ticket.Actors.Ops, null, IsOps: true);

    public static TicketActor InChat(string channel, string userId, bool inOpsChat) => new(userId, channel, inOpsChat);
}
