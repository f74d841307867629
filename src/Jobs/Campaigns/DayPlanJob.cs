using GroupBuy.Conversations.Campaigns;

namespace GroupBuy.Jobs.Campaigns;

/// <summary>Every minute: the day plan's progress notices that are due (nothing unless <c>DayPlan:Enabled</c>).</summary>
public sealed class DayPlanJob(DayPlanNotices notices)
{
    public const string RecurringJobId = "day-plan";

    public Task<int> RunAsync(CancellationToken cancellationToken) => notices.SendDueAsync(cancellationToken);
}
