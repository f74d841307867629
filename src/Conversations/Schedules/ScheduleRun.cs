namespace GroupBuy.Conversations.Schedules;

/// <summary>
/// One occurrence of a schedule that was published. (schedule, run time) is unique, and the row
/// is written in the same transaction as the campaign and its previews: a second execution of the
/// same occurrence (a retry, or another host) cannot insert it and so publishes nothing.
/// </summary>
public sealed class ScheduleRun
{
    private ScheduleRun()
    {
    }

    public ScheduleRun(long scheduleId, DateTimeOffset runAt, DateTimeOffset now)
    {
        ScheduleId = scheduleId;
        RunAt = runAt.ToUniversalTime();
        CreatedAt = now;
    }

    public long Id { get; private set; }

    public long ScheduleId { get; private set; }

    /// <summary>The cron occurrence this run is for (not when the job happened to start), or the minute ops pressed 立即运行.</summary>
    public DateTimeOffset RunAt { get; private set; }

    public long? CampaignId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the campaign's cut-off job was handed to the job store; null until then, so a retry knows to do it.</summary>
    public DateTimeOffset? CutOffScheduledAt { get; private set; }

    public void Created(long campaignId) => CampaignId = campaignId;

    public void CutOffScheduled(DateTimeOffset now) => CutOffScheduledAt ??= now;
}
