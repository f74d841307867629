using System.Diagnostics.CodeAnalysis;
using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Storage;

namespace GroupBuy.Conversations.Schedules;

/// <summary>
/// A campaign ops run again and again (every Wednesday 20:00, say): a cron expression in the
/// business time zone, the campaign's template (title, items, pickup point), the groups it is
/// offered in, and when each run's campaign cuts off and is picked up, counted from the run time.
/// </summary>
public sealed class Schedule : IVersioned
{
    private readonly List<ScheduleItem> items = [];
    private readonly List<ScheduleTarget> targets = [];

    private Schedule()
    {
        Name = Cron = Title = PickupPoint = string.Empty;
    }

    public Schedule(string name, ScheduleCron cron, string title, string pickupPoint, TimeSpan closesAfter, TimeSpan pickupAfter, bool enabled, DateTimeOffset now)
    {
        Revise(name, cron, title, pickupPoint, closesAfter, pickupAfter, enabled, now);
        CreatedAt = now;
    }

    public long Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>Five-field cron expression, read in the business time zone (see <see cref="ScheduleCron"/>).</summary>
    public string Cron { get; private set; }

    public string Title { get; private set; }

    public string PickupPoint { get; private set; }

    /// <summary>From the run time to the campaign's cut-off (截单): Wednesday 20:00 + 1.02:00:00 = Thursday 22:00.</summary>
    public TimeSpan ClosesAfter { get; private set; }

    /// <summary>From the run time to pickup: Wednesday 20:00 + 1.21:00:00 = Friday 17:00.</summary>
    public TimeSpan PickupAfter { get; private set; }

    /// <summary>A disabled schedule keeps its template but has no recurring job, so it never runs.</summary>
    public bool Enabled { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Version { get; set; }

    public IReadOnlyCollection<ScheduleItem> Items => items;

    public IReadOnlyCollection<ScheduleTarget> Targets => targets;

    [MemberNotNull(nameof(Name), nameof(Cron), nameof(Title), nameof(PickupPoint))]
    public void Revise(string name, ScheduleCron cron, string title, string pickupPoint, TimeSpan closesAfter, TimeSpan pickupAfter, bool enabled, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(cron);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(pickupPoint);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(closesAfter, TimeSpan.Zero);
        if (pickupAfter < closesAfter)
        {
            throw new ArgumentException("Pickup cannot be before the cut-off.", nameof(pickupAfter));
        }

        Name = name;
        Cron = cron.Text;
        Title = title;
        PickupPoint = pickupPoint;
        ClosesAfter = closesAfter;
        PickupAfter = pickupAfter;
        Enabled = enabled;
        UpdatedAt = now;
    }

    /// <summary>Ops' 启用 / 暂停: a paused schedule keeps everything else and has no recurring job until enabled again.</summary>
    public void SwitchTo(bool enabled, DateTimeOffset now)
    {
        Enabled = enabled;
        UpdatedAt = now;
    }

    /// <summary>Replaces the template's items; they are numbered 1..n in the order given.</summary>
    public void ReplaceItems(IEnumerable<ScheduleItemTemplate> list)
    {
        items.Clear();
        foreach (var item in list)
        {
            items.Add(new ScheduleItem(items.Count + 1, item.Name, item.Aliases, item.Price, item.ReferencePrice, item.Category, item.Stock, item.AllowUnsuitable));
        }
    }

    /// <summary>Offers the schedule's campaigns in exactly these groups.</summary>
    public void TargetOnly(IReadOnlyCollection<long> groupIds)
    {
        targets.RemoveAll(t => !groupIds.Contains(t.GroupId));
        foreach (var groupId in groupIds.Where(g => targets.All(t => t.GroupId != g)))
        {
            targets.Add(new ScheduleTarget(groupId));
        }
    }

    /// <summary>The draft campaign of the run at <paramref name="runAt"/>: the template, with its cut-off and pickup counted from the run.</summary>
    public Campaign CampaignFor(DateTimeOffset runAt, DateTimeOffset now)
    {
        var campaign = new Campaign(Title, runAt + ClosesAfter, runAt + PickupAfter, PickupPoint, now);
        foreach (var item in items.OrderBy(i => i.ItemNo))
        {
            campaign.AddItem(item.Name, item.Aliases, item.Price, item.ReferencePrice, item.Category, item.Stock);
        }

        campaign.OfferOnlyIn([.. targets.Select(t => t.GroupId)]);
        return campaign;
    }
}
