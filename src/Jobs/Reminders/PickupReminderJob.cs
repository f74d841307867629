using GroupBuy.Conversations.Reminders;

namespace GroupBuy.Jobs.Reminders;

/// <summary>
/// Every minute: sends the pickup reminder steps that are due. The plan lives in our own table
/// (written with 到货), so a minute missed while no host ran is caught up by the next run, and
/// running on two hosts at once, or twice, sends nothing twice.
/// </summary>
public sealed class PickupReminderJob(PickupReminders reminders)
{
    public const string RecurringJobId = "pickup-reminders";

    public Task<int> RunAsync(CancellationToken cancellationToken) => reminders.SendDueAsync(cancellationToken);
}
