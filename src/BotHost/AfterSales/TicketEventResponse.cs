using GroupBuy.Conversations.AfterSales;
using GroupBuy.Conversations.Time;

namespace GroupBuy.BotHost.AfterSales;

/// <summary>One history entry: the status it left the ticket in, when, who (a user id, "ops" or "bot") and our note.</summary>
internal sealed record TicketEventResponse(string Status, DateTimeOffset At, string Actor, string Note)
{
    public static TicketEventResponse From(TicketEvent entry, BusinessTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(TicketStatusNames.Code(entry.Status), zone.ToLocal(entry.At), entry.Actor, entry.Note);
    }
}
