using GroupBuy.Conversations.Time;
using GroupBuy.Jobs.AfterSales;
using GroupBuy.Jobs.Campaigns;
using GroupBuy.Jobs.Reminders;
using Hangfire;
using Microsoft.Extensions.Hosting;

namespace GroupBuy.Jobs.Hosting;

/// <summary>
/// Registers the bot's fixed recurring jobs when the host starts (after the schema is migrated):
/// adding one that exists only updates it, so every host may do it.
/// </summary>
internal sealed class RecurringJobsRegistration(IRecurringJobManager jobs, BusinessTimeZone zone) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        jobs.AddOrUpdate<PickupReminderJob>(
            PickupReminderJob.RecurringJobId,
            job => job.RunAsync(CancellationToken.None),
            Cron.Minutely(),
            new RecurringJobOptions { TimeZone = zone.Zone });
        jobs.AddOrUpdate<DueCutOffsJob>(
            DueCutOffsJob.RecurringJobId,
            job => job.RunAsync(CancellationToken.None),
            Cron.Minutely(),
            new RecurringJobOptions { TimeZone = zone.Zone });
        jobs.AddOrUpdate<DayPlanJob>(
            DayPlanJob.RecurringJobId,
            job => job.RunAsync(CancellationToken.None),
            Cron.Minutely(),
            new RecurringJobOptions { TimeZone = zone.Zone });
        jobs.AddOrUpdate<AfterSalesTimersJob>(
            AfterSalesTimersJob.RecurringJobId,
            job => job.RunAsync(CancellationToken.None),
            Cron.Minutely(),
            new RecurringJobOptions { TimeZone = zone.Zone });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
