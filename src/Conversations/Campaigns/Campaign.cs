using System.Diagnostics.CodeAnalysis;
using GroupBuy.Conversations.Storage;

namespace GroupBuy.Conversations.Campaigns;

/// <summary>An offer of numbered items (团购活动) with a cut-off and a pickup time, run in one or more group chats.</summary>
public sealed class Campaign : IVersioned
{
    private readonly List<CampaignItem> items = [];
    private readonly List<CampaignChat> chats = [];

    private Campaign()
    {
        Title = PickupPoint = string.Empty;
    }

    public Campaign(string title, DateTimeOffset closesAt, DateTimeOffset pickupAt, string pickupPoint, DateTimeOffset createdAt)
    {
        SetDetails(title, closesAt, pickupAt, pickupPoint);
        CreatedAt = createdAt;
        Status = CampaignStatus.Draft;
    }

    public long Id { get; private set; }

    public string Title { get; private set; }

    public CampaignStatus Status { get; private set; }

    /// <summary>Cut-off (截单): replies after it are not orders.</summary>
    public DateTimeOffset ClosesAt { get; private set; }

    public DateTimeOffset PickupAt { get; private set; }

    public string PickupPoint { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public int Version { get; set; }

    public IReadOnlyCollection<CampaignItem> Items => items;

    public IReadOnlyCollection<CampaignChat> Chats => chats;

    public CampaignItem AddItem(string name, IEnumerable<string> aliases, decimal price, decimal referencePrice, string category, int? stock)
    {
        EnsureDraft("add items to");
        var item = new CampaignItem(items.Count + 1, name, aliases, price, referencePrice, category, stock);
        items.Add(item);
        return item;
    }

    public void OfferIn(long groupId)
    {
        EnsureDraft("add chats to");
        if (chats.All(c => c.GroupId != groupId))
        {
            chats.Add(new CampaignChat(groupId));
        }
    }

    /// <summary>Replaces a draft's title, cut-off, pickup time and place; residents have seen none of them yet.</summary>
    public void ReviseDetails(string title, DateTimeOffset closesAt, DateTimeOffset pickupAt, string pickupPoint)
    {
        EnsureDraft("change");
        SetDetails(title, closesAt, pickupAt, pickupPoint);
    }

    /// <summary>
    /// Empties a draft's item list, so the items added next are numbered from 1 again: no resident
    /// has seen a number yet, and gaps ("1号, 3号") would only confuse them.
    /// </summary>
    public void ClearItems()
    {
        EnsureDraft("change the items of");
        items.Clear();
    }

    /// <summary>Offers a draft in exactly these chats; a chat it already had is kept as it is.</summary>
    public void OfferOnlyIn(IReadOnlyCollection<long> groupIds)
    {
        EnsureDraft("change the chats of");
        chats.RemoveAll(c => !groupIds.Contains(c.GroupId));
        foreach (var groupId in groupIds)
        {
            OfferIn(groupId);
        }
    }

    /// <summary>Only a draft may go: once published, residents have seen it and their orders refer to it.</summary>
    public void EnsureDeletable() =>
        EnsureDraft("delete", Status == CampaignStatus.Published
            ? "residents have seen it and their orders refer to it; close it instead"
            : "residents have seen it and their orders refer to it");

    /// <summary>
    /// Why an item may not change as asked, or null when it may. After publish only stock may
    /// change: residents ordered at the listed names and prices, and changing those under their
    /// orders would be unfair to them.
    /// </summary>
    /// <param name="offerFields">The fields other than stock the change touches (name, price, …).</param>
    public string? RefusesItemChange(IReadOnlyCollection<string> offerFields) => Status switch
    {
        CampaignStatus.Closed => $"Campaign {Id} is closed; its items no longer change.",
        CampaignStatus.Published when offerFields.Count > 0 =>
            $"Campaign {Id} is published, so {string.Join(", ", offerFields)} can no longer change: residents have ordered at the listed names and prices. Only stock may change now.",
        _ => null,
    };

    /// <summary>Notes that the preview for a chat is queued; the first time is kept.</summary>
    public void MarkPreviewQueued(long groupId, DateTimeOffset at) =>
        chats.FirstOrDefault(c => c.GroupId == groupId)?.MarkPreviewSent(at);

    public CampaignItem? FindItem(int itemNo) => items.FirstOrDefault(i => i.ItemNo == itemNo);

    public void Publish(DateTimeOffset now)
    {
        EnsureDraft("publish");
        if (items.Count == 0)
        {
            throw new InvalidOperationException("A campaign needs at least one item before it is published.");
        }

        if (chats.Count == 0)
        {
            throw new InvalidOperationException("A campaign needs at least one chat before it is published.");
        }

        if (ClosesAt <= now)
        {
            throw new InvalidOperationException("The cut-off time has already passed.");
        }

        Status = CampaignStatus.Published;
        PublishedAt = now;
    }

    /// <summary>
    /// 开团 in one chat by its leader: a draft is published with this chat; a published campaign
    /// still taking orders takes this chat in too. Refused once its preview was posted there.
    /// </summary>
    public void OpenIn(long groupId, DateTimeOffset now)
    {
        if (ChatOf(groupId)?.PreviewSentAt is not null)
        {
            throw new InvalidOperationException("The campaign is already open in this chat.");
        }

        if (Status == CampaignStatus.Draft)
        {
            OfferIn(groupId);
            Publish(now);
            return;
        }

        if (!IsTakingOrders(now))
        {
            throw new InvalidOperationException("The campaign no longer takes orders.");
        }

        if (ChatOf(groupId) is null)
        {
            chats.Add(new CampaignChat(groupId));
        }
    }

    public bool IsTakingOrders(DateTimeOffset now) => Status == CampaignStatus.Published && now < ClosesAt;

    /// <summary>Taking orders in one chat: the campaign is, and the chat's leader has not cut off (截单) there.</summary>
    public bool IsTakingOrdersIn(long groupId, DateTimeOffset now) => IsTakingOrders(now) && ChatOf(groupId)?.ClosedAt is null;

    /// <summary>Ordering is over in one chat (the campaign, or the chat's leader, has cut off): its orders are what gets packed.</summary>
    public bool IsOrderingOverIn(long groupId, DateTimeOffset now) => Status != CampaignStatus.Draft && !IsTakingOrdersIn(groupId, now);

    /// <summary>Ordering is over in every chat, so nothing can change what is packed: the pick list is final.</summary>
    public bool IsOrderingOver(DateTimeOffset now) => Status != CampaignStatus.Draft && chats.All(c => IsOrderingOverIn(c.GroupId, now));

    public CampaignChat? ChatOf(long groupId) => chats.FirstOrDefault(c => c.GroupId == groupId);

    /// <summary>The leader's 截单 in one chat: later replies there are told it has closed. Closing twice is harmless.</summary>
    public void CloseIn(long groupId, DateTimeOffset now)
    {
        EnsurePublishedIn(groupId, "cut off").Close(now);
    }

    /// <summary>到货 in one chat: the goods are at its pickup point, so ordering there is over too.</summary>
    public void MarkArrivedIn(long groupId, DateTimeOffset now)
    {
        EnsurePublishedIn(groupId, "receive goods for").MarkArrived(now);
    }

    /// <summary>Cuts off ordering (截单). Closing twice is harmless: the first time is kept.</summary>
    public void Close(DateTimeOffset now)
    {
        if (Status == CampaignStatus.Draft)
        {
            throw new InvalidOperationException("A campaign that was never published cannot be cut off.");
        }

        if (Status == CampaignStatus.Closed)
        {
            return;
        }

        Status = CampaignStatus.Closed;
        ClosedAt = now;
    }

    private CampaignChat EnsurePublishedIn(long groupId, string action)
    {
        if (Status == CampaignStatus.Draft)
        {
            throw new InvalidOperationException($"Cannot {action} a campaign that was never published.");
        }

        return ChatOf(groupId) ?? throw new InvalidOperationException($"The campaign is not offered in group {groupId}.");
    }

    [MemberNotNull(nameof(Title), nameof(PickupPoint))]
    private void SetDetails(string title, DateTimeOffset closesAt, DateTimeOffset pickupAt, string pickupPoint)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(pickupPoint);
        if (pickupAt < closesAt)
        {
            throw new ArgumentException("Pickup cannot be before the cut-off.", nameof(pickupAt));
        }

        Title = title;
        ClosesAt = closesAt;
        PickupAt = pickupAt;
        PickupPoint = pickupPoint;
    }

    private void EnsureDraft(string action, string? why = null)
    {
        if (Status != CampaignStatus.Draft)
        {
            var reason = why is null ? "." : $": {why}.";
            throw new InvalidOperationException($"Cannot {action} a campaign that is {Status.ToString().ToLowerInvariant()}{reason}");
        }
    }
}
