using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Commission;
using GroupBuy.Conversations.Coupons;
using GroupBuy.Conversations.Inbox;
using GroupBuy.Conversations.Marketing;
using GroupBuy.Conversations.Ordering.Acknowledgements;
using GroupBuy.Conversations.Ordering.Llm;
using GroupBuy.Conversations.Outbox;
using GroupBuy.Conversations.Reminders;
using GroupBuy.Conversations.Storage;
using GroupBuy.Conversations.Time;
using GroupBuy.Jobs.Hosting;
using GroupBuy.Jobs.Segments;

namespace GroupBuy.BotHost.Startup;

/// <summary>
/// Runs before anything else starts (Hangfire's server, then Kestrel): every setting is read and
/// checked, and the schema is migrated, so no job or webhook ever meets an old schema and a wrong
/// setting stops the start right here with its name in the message.
/// </summary>
internal sealed class StartupChecks : IHostedLifecycleService
{
    private readonly IServiceProvider services;

    public StartupChecks(IServiceProvider services)
    {
        this.services = services;
    }

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<StorageSettings>();
        services.GetRequiredService<BusinessTimeZone>();
        services.GetRequiredService<JobsSettings>();
        services.GetRequiredService<InboxSettings>();
        services.GetRequiredService<OutboxSettings>();
        services.GetRequiredService<AckSettings>();
        services.GetRequiredService<ReminderSettings>();
        services.GetRequiredService<DayPlanSettings>();
        services.GetRequiredService<LlmSettings>();
        services.GetRequiredService<CommissionRates>();
        services.GetRequiredService<CouponSettings>();
        services.GetRequiredService<MarketingSettings>();
        services.GetRequiredService<SegmentJobSettings>();

        await MigrateAsync(services, cancellationToken);
    }

    /// <summary>The schema step alone: ours, then Hangfire's (tests migrate a template database with it).</summary>
    internal static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StorageMigrator>().MigrateAsync(cancellationToken);
        await JobStorageSchema.InstallAsync(services.GetRequiredService<StorageSettings>(), cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
