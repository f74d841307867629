using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Storage;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.Conversations.Ordering;

/// <summary>
/// Applies a resident's reply to their order in one chat. Stock is taken with one conditional
/// UPDATE per item ("stock = stock - n WHERE stock >= n"), so concurrent replies in different
/// chats never sell more than there is, and given back the same way when an order shrinks. The
/// caller saves the order in the same transaction as the rest of the message's effects.
/// </summary>
public sealed class OrderBook(GroupBuyDbContext db)
{
    /// <param name="campaign">The campaign with its items; their prices and names are used, their stock is not (it is taken in SQL).</param>
    public async Task<OrderOutcome> ApplyAsync(
        Campaign campaign, long groupId, long residentId, OrderEdit edit, IReadOnlyList<OrderQuantity> lines, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var campaignId = campaign.Id;
        var items = campaign.Items.ToDictionary(i => i.ItemNo);
        var order = await db.Orders.Include(o => o.Lines)
            .FirstOrDefaultAsync(o => o.CampaignId == campaignId && o.GroupId == groupId && o.ResidentId == residentId, cancellationToken);
        var isNew = order is null;
        order ??= new Order(campaignId, groupId, residentId, now);

        var unknown = lines.Where(l => !items.ContainsKey(l.ItemNo)).Select(l => l.ItemNo).Distinct().ToList();
        var changed = new List<OrderQuantity>();
        var soldOut = new List<SoldOut>();
        foreach (var (itemNo, wanted) in Targets(order, edit, lines.Where(l => items.ContainsKey(l.ItemNo))))
        {
            var item = items[itemNo];
            var current = order.QuantityOf(itemNo);
            var delta = wanted - current;
            if (delta == 0)
            {
                continue;
            }

            if (delta > 0 && item.Stock is not null && !await TakeAsync(item.Id, delta, cancellationToken))
            {
                var left = await db.CampaignItems.Where(i => i.Id == item.Id).Select(i => i.Stock ?? 0).SingleAsync(cancellationToken);
                soldOut.Add(new SoldOut(itemNo, item.Name, delta, left));
                continue;
            }

            if (delta < 0 && item.Stock is not null)
            {
                await GiveBackAsync(item.Id, -delta, cancellationToken);
            }

            order.Set(itemNo, wanted, item.Price, now);
            changed.Add(new OrderQuantity(itemNo, wanted));
        }

        // A reply that changed nothing (cancelling what was never ordered, a sold-out item) leaves no empty order behind.
        if (isNew && changed.Count > 0)
        {
            db.Orders.Add(order);
        }

        return new OrderOutcome(order, changed, soldOut, unknown);
    }

    /// <summary>The quantity each touched item should end at.</summary>
    private static IEnumerable<(int ItemNo, int Quantity)> Targets(Order order, OrderEdit edit, IEnumerable<OrderQuantity> lines)
    {
        switch (edit)
        {
            case OrderEdit.Add:
                // Several mentions of one item in a message add up ("苹果+1 苹果+1").
                foreach (var group in lines.GroupBy(l => l.ItemNo))
                {
                    yield return (group.Key, order.QuantityOf(group.Key) + group.Sum(l => l.Quantity));
                }

                break;
            case OrderEdit.Set:
                foreach (var group in lines.GroupBy(l => l.ItemNo))
                {
                    yield return (group.Key, group.Last().Quantity);
                }

                break;
            case OrderEdit.Remove:
                foreach (var itemNo in lines.Select(l => l.ItemNo).Distinct())
                {
                    yield return (itemNo, 0);
                }

                break;
            default:
                foreach (var itemNo in order.Lines.Select(l => l.ItemNo).ToList())
                {
                    yield return (itemNo, 0);
                }

                break;
        }
    }

    private async Task<bool> TakeAsync(long itemId, int quantity, CancellationToken cancellationToken) =>
        await db.CampaignItems
            .Where(i => i.Id == itemId && i.Stock >= quantity)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Stock, i => i.Stock - quantity).SetProperty(i => i.Version, i => i.Version + 1), cancellationToken) == 1;

    private async Task GiveBackAsync(long itemId, int quantity, CancellationToken cancellationToken) =>
        await db.CampaignItems
            .Where(i => i.Id == itemId && i.Stock != null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Stock, i => i.Stock + quantity).SetProperty(i => i.Version, i => i.Version + 1), cancellationToken);
}
