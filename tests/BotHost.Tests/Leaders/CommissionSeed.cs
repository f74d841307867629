using GroupBuy.Conversations.AfterSales;
using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Groups;
using GroupBuy.Conversations.Ordering;
using GroupBuy.Conversations.Residents;
using GroupBuy.Conversations.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GroupBuy.BotHost.Tests.Leaders;

/// <summary>
/// Writes groups, campaigns and orders straight into the database, picked up at the times a test
/// names, as the leaders' 已取 / 核销 and 缺货 commands would leave them; and after-sales tickets as
/// the leader's decision and the resident's follow-up rating would leave them.
/// </summary>
internal sealed class CommissionSeed
{
    public static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    // Long before any pickup in the tests; nothing here depends on the wall clock.
    private static readonly DateTimeOffset Registered = new(2026, 10, 1, 9, 0, 0, Beijing);

    private readonly IServiceProvider services;

    public CommissionSeed(IServiceProvider services)
    {
        this.services = services;
    }

    public async Task<Group> GroupAsync(string chatId, string name, string leaderId, string leaderName, string channel = "gateway", string community = "阳光花园")
    {
        var group = new Group(channel, chatId, name, community, leaderId, leaderName, Registered);
        await SaveAsync(db => db.Groups.Add(group));
        return group;
    }

    /// <summary>A campaign of the given items, numbered from 1.</summary>
    public async Task<Campaign> CampaignAsync(string title, params (string Name, decimal Price, string Category)[] items)
    {
        var campaign = new Campaign(title, Registered.AddDays(1), Registered.AddDays(2), "3栋大堂", Registered);
        foreach (var (name, price, category) in items)
        {
            campaign.AddItem(name, [], price, price * 1.15m, category, stock: null);
        }

        await SaveAsync(db => db.Campaigns.Add(campaign));
        return campaign;
    }

    /// <summary>An order the resident collected at <paramref name="pickedUpAt"/>.</summary>
    public Task<Order> PickedUpAsync(Group group, Campaign campaign, string resident, DateTimeOffset pickedUpAt, params (int ItemNo, int Quantity)[] lines) =>
        OrderAsync(group, campaign, resident, lines, order => order.ConfirmPickup(pickedUpAt));

    /// <summary>An order still waiting at the pickup point.</summary>
    public Task<Order> OpenAsync(Group group, Campaign campaign, string resident, params (int ItemNo, int Quantity)[] lines) =>
        OrderAsync(group, campaign, resident, lines, _ => { });

    /// <summary>An order the resident cancelled ("都取消").</summary>
    public Task<Order> CancelledAsync(Group group, Campaign campaign, string resident, params (int ItemNo, int Quantity)[] lines) =>
        OrderAsync(group, campaign, resident, lines, order => order.CancelAll(Registered.AddHours(2)));

    /// <summary>
    /// 缺货 at receiving: units taken off the order and refunded, then the rest collected at
    /// <paramref name="pickedUpAt"/>.
    /// </summary>
    public Task<Order> ShortThenPickedUpAsync(Group group, Campaign campaign, string resident, DateTimeOffset pickedUpAt, (int ItemNo, int Quantity) ordered, int shortBy)
    {
        return OrderAsync(group, campaign, resident, [ordered], order =>
        {
            order.Shorten(ordered.ItemNo, shortBy, pickedUpAt.AddHours(-3));
            order.ConfirmPickup(pickedUpAt);
        }, (order, db) => db.Add(new Refund(order, ordered.ItemNo, shortBy, shortBy * campaign.FindItem(ordered.ItemNo)!.Price, RefundReason.Shortage, pickedUpAt.AddHours(-3))));
    }

    /// <summary>售后: units of a collected order refunded.</summary>
    public async Task AfterSalesRefundAsync(Order order, Campaign campaign, int itemNo, int quantity, DateTimeOffset at) =>
        await SaveAsync(db => db.Add(new Refund(order, itemNo, quantity, quantity * campaign.FindItem(itemNo)!.Price, RefundReason.AfterSales, at)));

    /// <summary>
    /// 售后: a ticket about the order's lines, taken in at <paramref name="createdAt"/> from the
    /// resident who placed it. With <paramref name="answeredAfter"/> the leader decides a refund that
    /// long after, which the resident accepts and the leader carries out at once; with
    /// <paramref name="rating"/> the resident then rates it in the follow-up.
    /// </summary>
    public async Task<Ticket> TicketAsync(
        Group group, Campaign campaign, Order order, string resident, DateTimeOffset createdAt, TimeSpan? answeredAfter = null, (int Stars, DateTimeOffset At)? rating = null)
    {
        if (rating is not null && answeredAfter is null)
        {
            throw new ArgumentException("Only a carried-out resolution is rated: give answeredAfter.", nameof(rating));
        }

        var lines = order.Lines.Select(l => new TicketLine(l.ItemNo, campaign.FindItem(l.ItemNo)!.Name, l.Quantity, l.UnitPrice)).ToList();
        var ticket = new Ticket(
            new TicketIntake(group.Channel, order.ResidentId, "u-" + resident, resident, group.ChatId, group.Id, order.Id, campaign.Id, IssueType.Quality, lines, order.Payable, [], "坏了"),
            createdAt);
        if (answeredAfter is { } delay)
        {
            var answeredAt = createdAt + delay;
            ticket.Decide(new Resolution(ResolutionKind.Refund, answeredAt), null, group.LeaderId, answeredAt);
            ticket.Accept(answeredAt);
            ticket.MarkDone(group.LeaderId, answeredAt, TimeSpan.FromDays(1));
            if (rating is { } given)
            {
                ticket.FollowUpSent(given.At);
                ticket.Rate(given.Stars, given.At);
            }
        }

        await SaveAsync(db => db.Tickets.Add(ticket));
        return ticket;
    }

    private async Task<Order> OrderAsync(
        Group group, Campaign campaign, string resident, IEnumerable<(int ItemNo, int Quantity)> lines, Action<Order> then, Action<Order, GroupBuyDbContext>? afterSave = null)
    {
        var person = new Resident(group.Channel, "u-" + resident, resident, Registered);
        await SaveAsync(db => db.Residents.Add(person));
        var order = new Order(campaign.Id, group.Id, person.Id, Registered.AddHours(1));
        foreach (var (itemNo, quantity) in lines)
        {
            order.Add(itemNo, quantity, campaign.FindItem(itemNo)!.Price, Registered.AddHours(1));
        }

        then(order);
        await SaveAsync(db => db.Orders.Add(order));
        if (afterSave is not null)
        {
            await SaveAsync(db => afterSave(order, db));
        }

        return order;
    }

    private async Task SaveAsync(Action<GroupBuyDbContext> change)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
        change(db);
        await db.SaveChangesAsync();
    }
}
