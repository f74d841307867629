using System.Globalization;
using GroupBuy.Conversations.Storage;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.Conversations.Ordering;

/// <summary>
/// Gives every order of a chat its pickup code (取件码) once ordering there is over: four digits,
/// counting up from 1001 within the campaign, so codes are short, unique per campaign, and easy to
/// say across a counter. Orders keep their code; later orders continue the count.
/// </summary>
public sealed class PickupCodes(GroupBuyDbContext db)
{
    public const int First = 1001;

    /// <summary>Assigns codes to the chat's orders that have goods and no code yet, oldest first.</summary>
    public async Task AssignAsync(long campaignId, long groupId, CancellationToken cancellationToken)
    {
        var orders = await db.Orders.Include(o => o.Lines)
            .Where(o => o.CampaignId == campaignId && o.GroupId == groupId && o.PickupCode == null && o.Status == OrderStatus.Open)
            .OrderBy(o => o.CreatedAt).ThenBy(o => o.Id)
            .ToListAsync(cancellationToken);
        if (orders.Count == 0)
        {
            return;
        }

        // Codes of other chats of the campaign count too; a race with another chat's cut-off ends in
        // the unique index, and the message is retried with the count read again.
        var taken = await db.Orders.Where(o => o.CampaignId == campaignId && o.PickupCode != null).Select(o => o.PickupCode!).ToListAsync(cancellationToken);
        var next = taken.Select(c => int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty(First - 1).Max() + 1;
        foreach (var order in orders)
        {
            order.AssignPickupCode((next++).ToString(CultureInfo.InvariantCulture));
        }
    }
}
