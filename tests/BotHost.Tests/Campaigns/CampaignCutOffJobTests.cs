using System.Net.Http.Json;
using System.Text.Json;
using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Jobs.Campaigns;
using GroupBuy.Testing;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace GroupBuy.BotHost.Tests.Campaigns;

/// <summary>A campaign ops publish through the API is cut off by a job at its closesAt, not only by the clock check on replies.</summary>
public sealed class CampaignCutOffJobTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2036, 1, 2, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset ClosesAt = new(2036, 1, 3, 22, 0, 0, TimeSpan.FromHours(8));

    private readonly PostgresDatabase database = MigratedDatabase.Create();
    private readonly FakeTimeProvider clock = new(Now);
    private BotHostFactory host = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        host = BotHostFactory.OnPostgres(database.ConnectionString, ("Outbox:Workers", "0"), ("Inbox:Workers", "0"))
            .WithServices(s => s.AddSingleton<TimeProvider>(clock));
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task A_campaign_whose_cut_off_job_was_lost_is_closed_by_the_sweep_once()
    {
        var id = await PublishAsync();
        foreach (var job in host.Services.GetRequiredService<JobStorage>().GetMonitoringApi().ScheduledJobs(0, 100))
        {
            host.Services.GetRequiredService<IBackgroundJobClient>().Delete(job.Key);
        }

        clock.SetUtcNow(ClosesAt.AddMinutes(-1));
        Assert.Equal(0, await SweepAsync());
        clock.SetUtcNow(ClosesAt);
        await SweepAsync();
        await SweepAsync();

        var campaign = await host.CreateAdminClient().GetFromJsonAsync<JsonElement>(new Uri($"/api/campaigns/{id}", UriKind.Relative));
        Assert.Equal("closed", campaign.GetProperty("status").GetString());
        await using var scope = host.Services.CreateAsyncScope();
        var announcements = await scope.ServiceProvider.GetRequiredService<GroupBuy.Conversations.Storage.GroupBuyDbContext>().OutboundMessages
            .CountAsync(m => m.IdempotencyKey.StartsWith("cut-off:"));
        Assert.Equal(1, announcements);
    }

    [Fact]
    public async Task Publishing_schedules_the_cut_off_job_at_closes_at()
    {
        var id = await PublishAsync();

        var scheduled = host.Services.GetRequiredService<JobStorage>().GetMonitoringApi().ScheduledJobs(0, 100);
        var job = Assert.Single(scheduled, j => j.Value.Job.Type == typeof(CutOffCampaign)).Value;
        Assert.Equal(id, Convert.ToInt64(job.Job.Args[0], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(ClosesAt.UtcDateTime, job.EnqueueAt);
    }

    private async Task<int> SweepAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GroupBuy.Conversations.Campaigns.DueCutOffs>().CloseDueAsync(CancellationToken.None);
    }

    private async Task<long> PublishAsync()
    {
        var admin = host.CreateAdminClient();
        await admin.RegisterGroupAsync("room-1");
        var created = await admin.PostAsJsonAsync(new Uri("/api/campaigns", UriKind.Relative), new
        {
            title = "周四鲜果",
            chatIds = new[] { "room-1" },
            closesAt = ClosesAt,
            pickupAt = ClosesAt.AddHours(19),
            pickupPoint = "3栋大堂快递柜旁",
            items = new[] { new { name = "红富士苹果", price = 12.8m, referencePrice = 15.8m, category = "生鲜" } },
        });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        (await admin.PostAsync(new Uri($"/api/campaigns/{id}/publish", UriKind.Relative), null)).EnsureSuccessStatusCode();
        return id;
    }
}
