using GroupBuy.Conversations.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GroupBuy.Jobs.Schedules;

/// <summary>
/// Brings the recurring jobs in line with the schedules table when the host starts. It runs in
/// StartAsync, after the start-up checks have migrated the schema (they run in StartingAsync).
/// Several hosts doing it at once write the same jobs; Hangfire serialises the writes.
/// </summary>
internal sealed class ScheduleJobsStartup(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var jobs = scope.ServiceProvider.GetRequiredService<ScheduleJobs>();
        await jobs.SyncAllAsync(scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>(), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
