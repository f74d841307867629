using GroupBuy.Conversations.AfterSales;

namespace GroupBuy.Jobs.AfterSales;

/// <summary>
/// Every minute: silent intakes end, unanswered and overdue tickets go to ops, follow-ups go out
/// (see <see cref="AfterSalesTimers"/>). A sweep rather than a delayed job per ticket, so a decision
/// changed or a host lost in between can never leave a timer behind or fire a stale one.
/// </summary>
public sealed class AfterSalesTimersJob(AfterSalesTimers timers)
{
    public const string RecurringJobId = "after-sales-timers";

    public Task<int> RunAsync(CancellationToken cancellationToken) => timers.RunDueAsync(cancellationToken);
}
