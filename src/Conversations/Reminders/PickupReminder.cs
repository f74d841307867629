namespace GroupBuy.Conversations.Reminders;

/// <summary>
/// One planned reminder step for a group's goods, written in the same transaction as 到货 so it
/// cannot be lost, and sent by the reminder job once due. (Campaign, group, step) is unique.
/// </summary>
public sealed class PickupReminder
{
    private PickupReminder()
    {
    }

    public PickupReminder(long campaignId, long groupId, PickupReminderStep step, DateTimeOffset dueAt)
    {
        CampaignId = campaignId;
        GroupId = groupId;
        Step = step;
        DueAt = dueAt;
    }

    public long Id { get; private set; }

    public long CampaignId { get; private set; }

    public long GroupId { get; private set; }

    public PickupReminderStep Step { get; private set; }

    public DateTimeOffset DueAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public void MarkSent(DateTimeOffset now) => SentAt ??= now;
}
