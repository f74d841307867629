using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Storage;
using GroupBuy.Jobs.Campaigns;
using GroupBuy.Jobs.Hosting;
using GroupBuy.Jobs.Schedules;
using GroupBuy.Jobs.Segments;
using Hangfire;
using Hangfire.AspNetCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GroupBuy.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Hangfire on the configured storage, with a server inside this host. Several hosts on one
    /// PostgreSQL database share the work; each job runs on one of them.
    /// </summary>
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => JobsSettings.FromConfiguration(sp.GetRequiredService<IConfiguration>()));

        // Registered before AddHangfire so Hangfire takes ours: its own registration reads the static
        // JobStorage.Current, which two hosts in one process (tests) would overwrite for each other.
        services.TryAddSingleton<JobStorage>(sp => JobStorageFactory.Create(sp.GetRequiredService<StorageSettings>(), sp.GetRequiredService<JobsSettings>()));

        // Likewise the activator: each host builds jobs from its own container, never another host's.
        services.TryAddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHostedService<HangfireLogBridgeAttachment>();
        services.AddHostedService<RecurringJobsRegistration>();
        services.AddTransient<Reminders.PickupReminderJob>();
        services.AddTransient<Campaigns.DayPlanJob>();
        services.AddTransient<Campaigns.DueCutOffsJob>();
        services.AddTransient<AfterSales.AfterSalesTimersJob>();

        services.TryAddScoped<ICutOffScheduler, HangfireCutOffScheduler>();
        services.TryAddScoped<ScheduleJobs>();
        services.AddHostedService<ScheduleJobsStartup>();

        services.TryAddSingleton(sp => SegmentJobSettings.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        services.TryAddScoped<ComputeSegmentsJob>();
        services.TryAddScoped<TreatSegmentsJob>();
        services.AddHostedService<SegmentJobsStartup>();

        services.AddHangfire(config => config
            .UseLogProvider(HangfireLogBridge.Instance)
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());

        services.AddHangfireServer((sp, options) =>
        {
            var jobs = sp.GetRequiredService<JobsSettings>();
            options.WorkerCount = jobs.WorkerCount;
            options.SchedulePollingInterval = jobs.PollInterval;
            options.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
        });
        return services;
    }
}
