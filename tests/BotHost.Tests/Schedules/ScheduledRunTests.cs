using System.Net.Http.Json;
using System.Text.Json;
using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Inbox;
using GroupBuy.Conversations.Storage;
using GroupBuy.Jobs.Campaigns;
using GroupBuy.Jobs.Reminders;
using GroupBuy.Jobs.Schedules;
using GroupBuy.Testing;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace GroupBuy.BotHost.Tests.Schedules;

/// <summary>
/// A schedule's job publishes its campaign once per occurrence, however often and on however many
/// hosts it runs, and the cut-off job at closesAt closes it as a leader's 截单 would. The jobs are
/// run as Hangfire runs them (built from the host's services), on a fake clock.
/// </summary>
public sealed class ScheduledRunTests : IAsyncLifetime
{
    private static readonly DateTimeOffset ThursdayCutOff = new(2036, 1, 3, 22, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset FridayPickup = new(2036, 1, 4, 17, 0, 0, TimeSpan.FromHours(8));

    private readonly PostgresDatabase database = MigratedDatabase.Create();
    private readonly FakeTimeProvider clock = new(ScheduleBodies.WednesdayMorning);
    private readonly List<BotHostFactory> hosts = [];
    private BotHostFactory host = null!;
    private long scheduleId;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        host = CreateHost();
        var admin = host.CreateAdminClient();
        await admin.RegisterGroupAsync("room-1", leaderId: "u-leader");
        await admin.RegisterGroupAsync("room-2", name: "阳光花园5栋团购群", leaderId: "u-leader-2");
        var created = await admin.PostAsJsonAsync(new Uri("/api/schedules", UriKind.Relative), ScheduleBodies.Thursday());
        created.EnsureSuccessStatusCode();
        scheduleId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        clock.SetUtcNow(ScheduleBodies.JustAfterTheRun);
    }

    public async Task DisposeAsync()
    {
        foreach (var factory in hosts)
        {
            await factory.DisposeAsync();
        }

        await database.DisposeAsync();
    }

    /// <summary>A host on the test's database and clock; workers off, so the test decides what is processed.</summary>
    private BotHostFactory CreateHost(params (string Key, string? Value)[] extra)
    {
        var factory = BotHostFactory.OnPostgres(
                database.ConnectionString,
                [
                    ("Outbox:Workers", "0"),
                    ("Inbox:Workers", "0"),
                    ("Gateway:Secret", GatewayClient.Secret),
                    ("Gateway:OutboundUrl", "http://127.0.0.1:9/outbound"),
                    ("Ordering:AckDelaySeconds", "0"),
                    .. extra,
                ])
            .WithServices(s => s.AddSingleton<TimeProvider>(clock));
        hosts.Add(factory);
        return factory;
    }

    /// <summary>Runs a job as Hangfire's activator would: a fresh scope of that host, the job built from it.</summary>
    private static async Task RunJobAsync<TJob>(BotHostFactory on, Func<TJob, Task> run)
        where TJob : class
    {
        await using var scope = on.Services.CreateAsyncScope();
        await run(ActivatorUtilities.CreateInstance<TJob>(scope.ServiceProvider));
    }

    private Task PublishAsync(BotHostFactory on) =>
        RunJobAsync<PublishScheduledCampaign>(on, job => job.RunAsync(scheduleId, CancellationToken.None));

    private async Task<T> ReadAsync<T>(Func<GroupBuyDbContext, Task<T>> read)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>());
    }

    private Task<List<Campaign>> CampaignsAsync() =>
        ReadAsync(db => db.Campaigns.AsNoTracking().Include(c => c.Items).Include(c => c.Chats).OrderBy(c => c.Id).ToListAsync());

    private Task<List<string>> KeysAsync(string prefix) =>
        ReadAsync(db => db.OutboundMessages.Where(m => m.IdempotencyKey.StartsWith(prefix)).Select(m => m.IdempotencyKey).OrderBy(k => k).ToListAsync());

    private List<long> ScheduledCutOffs()
    {
        var monitoring = host.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        return [.. monitoring.ScheduledJobs(0, 100)
            .Where(j => j.Value.Job.Type == typeof(CutOffCampaign))
            .Select(j => Convert.ToInt64(j.Value.Job.Args[0], System.Globalization.CultureInfo.InvariantCulture))];
    }

    private async Task SayAsync(string messageId, string senderId, string senderName, string text)
    {
        var gateway = new GatewayClient(host.CreateClient(), GatewayClient.Secret);
        (await gateway.SendAsync(GatewayClient.Text(messageId, "room-1", senderId, text, senderName), clock.GetUtcNow())).EnsureSuccessStatusCode();
        var processor = host.Services.GetRequiredService<InboxProcessor>();
        while (await processor.ProcessNextAsync(CancellationToken.None))
        {
        }

        var status = await ReadAsync(db => db.InboundMessages.Where(m => m.MessageId == messageId).Select(m => m.Status).SingleAsync());
        Assert.Equal(InboundMessageStatus.Processed, status);
    }

    [Fact]
    public async Task A_scheduled_week_publishes_cuts_off_and_starts_reminders_on_time()
    {
        var withDayPlan = CreateHost(("DayPlan:Enabled", "true"));

        // Wednesday 20:00: the schedule publishes; residents order.
        await PublishAsync(withDayPlan);
        var campaign = Assert.Single(await CampaignsAsync());
        Assert.Equal(["preview:" + campaign.Id + ":1", "preview:" + campaign.Id + ":2"], await KeysAsync("preview:"));
        await SayAsync("m-week-1", "u-1", "王阿姨", "苹果+2");
        await SayAsync("m-week-2", "u-2", "李叔", "香蕉+1");

        // Thursday 22:00: the cut-off job closes it and gives codes.
        clock.SetUtcNow(ThursdayCutOff);
        await RunJobAsync<CutOffCampaign>(withDayPlan, job => job.RunAsync(campaign.Id, CancellationToken.None));
        Assert.Equal(CampaignStatus.Closed, Assert.Single(await CampaignsAsync()).Status);

        // Friday: sorting at 10:00, delivered at 17:00, which is the arrival where the day plan runs.
        clock.SetUtcNow(FridayPickup.AddHours(-7));
        await RunJobAsync<DayPlanJob>(withDayPlan, job => job.RunAsync(CancellationToken.None));
        Assert.Equal(2, (await KeysAsync("progress:")).Count);
        clock.SetUtcNow(FridayPickup);
        await RunJobAsync<DayPlanJob>(withDayPlan, job => job.RunAsync(CancellationToken.None));
        Assert.Equal(4, (await KeysAsync("progress:")).Count);
        Assert.All((await CampaignsAsync())[0].Chats, c => Assert.Equal(FridayPickup, c.ArrivedAt));

        // Reminders two hours on, to those who have not collected.
        clock.SetUtcNow(FridayPickup.AddHours(2).AddMinutes(-1));
        await RunJobAsync<PickupReminderJob>(withDayPlan, job => job.RunAsync(CancellationToken.None));
        Assert.Empty(await KeysAsync("pickup-reminder:"));
        clock.SetUtcNow(FridayPickup.AddHours(2));
        await RunJobAsync<PickupReminderJob>(withDayPlan, job => job.RunAsync(CancellationToken.None));
        Assert.Equal(2, (await KeysAsync("pickup-reminder:")).Count);
    }

    [Fact]
    public async Task The_job_publishes_the_occurrences_campaign_once_and_a_second_run_publishes_nothing()
    {
        await PublishAsync(host);

        var campaign = Assert.Single(await CampaignsAsync());
        Assert.Equal(CampaignStatus.Published, campaign.Status);
        Assert.Equal("周四鲜果", campaign.Title);
        Assert.Equal(ThursdayCutOff, campaign.ClosesAt);
        Assert.Equal(FridayPickup, campaign.PickupAt);
        Assert.Equal(["红富士苹果", "香蕉"], campaign.Items.OrderBy(i => i.ItemNo).Select(i => i.Name));
        Assert.Equal(2, campaign.Chats.Count);
        Assert.Equal(campaign.Chats.Select(c => $"preview:{campaign.Id}:{c.GroupId}").Order(StringComparer.Ordinal), await KeysAsync("preview:"));
        Assert.Equal([campaign.Id], ScheduledCutOffs());

        // The same occurrence again, a few minutes on: a retry, or Hangfire starting it twice.
        clock.Advance(TimeSpan.FromMinutes(5));
        await PublishAsync(host);

        Assert.Single(await CampaignsAsync());
        Assert.Equal(2, (await KeysAsync("preview:")).Count);
        Assert.Equal([campaign.Id], ScheduledCutOffs());
        var run = Assert.Single(await ReadAsync(db => db.ScheduleRuns.AsNoTracking().ToListAsync()));
        Assert.Equal(ScheduleBodies.JustAfterTheRun.AddSeconds(-30), run.RunAt);
        Assert.Equal(campaign.Id, run.CampaignId);
        Assert.NotNull(run.CutOffScheduledAt);

        // A week later is the next occurrence, and the next campaign.
        clock.Advance(TimeSpan.FromDays(7));
        await PublishAsync(host);

        var campaigns = await CampaignsAsync();
        Assert.Equal(2, campaigns.Count);
        Assert.Equal(ThursdayCutOff.AddDays(7), campaigns[1].ClosesAt);
        Assert.Equal(4, (await KeysAsync("preview:")).Count);
    }

    [Fact]
    public async Task Triggering_the_recurring_job_runs_it_through_hangfire_on_the_hosts_services()
    {
        host.Services.GetRequiredService<IRecurringJobManager>().Trigger(ScheduleJobs.JobId(scheduleId));

        for (var i = 0; i < 600 && (await CampaignsAsync()).Count == 0; i++)
        {
            await Task.Delay(100);
        }

        var campaign = Assert.Single(await CampaignsAsync());
        Assert.Equal(CampaignStatus.Published, campaign.Status);
        Assert.Equal(ThursdayCutOff, campaign.ClosesAt);
    }

    [Fact]
    public async Task Two_hosts_on_one_database_running_the_same_occurrence_at_once_publish_it_once()
    {
        var second = CreateHost();
        _ = second.Services;

        // Three Wednesdays, each run twice on each host at the same moment.
        for (var week = 0; week < 3; week++)
        {
            await Task.WhenAll(
                Task.Run(() => PublishAsync(host)),
                Task.Run(() => PublishAsync(second)),
                Task.Run(() => PublishAsync(host)),
                Task.Run(() => PublishAsync(second)));

            var campaigns = await CampaignsAsync();
            Assert.Equal(week + 1, campaigns.Count);
            var expected = campaigns.SelectMany(c => c.Chats.Select(ch => $"preview:{c.Id}:{ch.GroupId}")).Order(StringComparer.Ordinal);
            Assert.Equal(expected, await KeysAsync("preview:"));
            Assert.Equal(week + 1, (await ReadAsync(db => db.ScheduleRuns.ToListAsync())).Count);
            Assert.Contains(campaigns[^1].Id, ScheduledCutOffs());
            clock.Advance(TimeSpan.FromDays(7));
        }
    }

    [Fact]
    public async Task A_disabled_or_deleted_schedule_publishes_nothing()
    {
        var admin = host.CreateAdminClient();
        (await admin.PutAsJsonAsync(new Uri($"/api/schedules/{scheduleId}", UriKind.Relative), ScheduleBodies.Thursday(enabled: false))).EnsureSuccessStatusCode();
        await PublishAsync(host);
        (await admin.DeleteAsync(new Uri($"/api/schedules/{scheduleId}", UriKind.Relative))).EnsureSuccessStatusCode();
        await PublishAsync(host);

        Assert.Empty(await CampaignsAsync());
        Assert.Empty(await KeysAsync("preview:"));
    }

    [Fact]
    public async Task The_cut_off_job_closes_the_campaign_gives_codes_announces_once_and_a_late_order_hears_it_closed()
    {
        await PublishAsync(host);
        var campaignId = Assert.Single(ScheduledCutOffs());
        await SayAsync("m-1", "u-1", "王阿姨", "苹果+2");

        clock.SetUtcNow(ThursdayCutOff);
        await RunJobAsync<CutOffCampaign>(host, job => job.RunAsync(campaignId, CancellationToken.None));
        await RunJobAsync<CutOffCampaign>(host, job => job.RunAsync(campaignId, CancellationToken.None));

        var campaign = Assert.Single(await CampaignsAsync());
        Assert.Equal(CampaignStatus.Closed, campaign.Status);
        Assert.Equal(ThursdayCutOff, campaign.ClosedAt);
        var order = Assert.Single(await ReadAsync(db => db.Orders.AsNoTracking().ToListAsync()));
        Assert.Equal("1001", order.PickupCode);
        Assert.Equal(campaign.Chats.Select(c => CampaignCutOff.AnnouncementKey(campaign.Id, c.GroupId)).Order(StringComparer.Ordinal), await KeysAsync("cut-off:"));
        var announcements = await ReadAsync(db => db.OutboundMessages.AsNoTracking().Where(m => m.IdempotencyKey.StartsWith("cut-off:")).ToListAsync());
        Assert.Equal("【周四鲜果】已截单，本群共1位邻居下单，谢谢大家支持！\n到货后我会在群里通知，请1月4日(周五) 17:00到3栋大堂快递柜旁取货～", announcements.Single(m => m.ChatId == "room-1").Text);
        Assert.StartsWith("【周四鲜果】已截单，这次本群没有订单", announcements.Single(m => m.ChatId == "room-2").Text, StringComparison.Ordinal);

        await SayAsync("m-2", "u-2", "李叔", "苹果+1");

        var closed = await ReadAsync(db => db.OutboundMessages.AsNoTracking().Where(m => m.IdempotencyKey.StartsWith("closed:")).ToListAsync());
        Assert.StartsWith("李叔，【周四鲜果】已经截单啦", Assert.Single(closed).Text, StringComparison.Ordinal);
        Assert.Equal(["u-2"], closed[0].Mentions);
        Assert.Single(await ReadAsync(db => db.Orders.ToListAsync()));
    }

    [Fact]
    public async Task A_chat_whose_leader_cut_off_first_is_not_announced_to_again_by_the_job()
    {
        await PublishAsync(host);
        var campaignId = Assert.Single(ScheduledCutOffs());
        await SayAsync("m-1", "u-1", "王阿姨", "香蕉+1");
        await SayAsync("m-2", "u-leader", "李姐", "截单");

        clock.SetUtcNow(ThursdayCutOff);
        await RunJobAsync<CutOffCampaign>(host, job => job.RunAsync(campaignId, CancellationToken.None));

        var announcements = await ReadAsync(db => db.OutboundMessages.AsNoTracking().Where(m => m.IdempotencyKey.StartsWith("cut-off:")).OrderBy(m => m.Id).ToListAsync());
        Assert.Equal(["room-1", "room-2"], announcements.Select(m => m.ChatId ?? string.Empty));
        Assert.StartsWith("【周四鲜果】已截单，本群共1位邻居下单", announcements[0].Text, StringComparison.Ordinal);
        Assert.True(announcements[0].CreatedAt < ThursdayCutOff, "room-1 heard its leader's 截单, not the job's.");
        Assert.Equal("1001", Assert.Single(await ReadAsync(db => db.Orders.AsNoTracking().ToListAsync())).PickupCode);
    }
}
