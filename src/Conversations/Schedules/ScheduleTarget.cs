namespace GroupBuy.Conversations.Schedules;

/// <summary>A registered group a schedule's campaigns are offered in.</summary>
public sealed class ScheduleTarget
{
    private ScheduleTarget()
    {
    }

    internal ScheduleTarget(long groupId)
    {
        GroupId = groupId;
    }

    public long ScheduleId { get; private set; }

    public long GroupId { get; private set; }
}
