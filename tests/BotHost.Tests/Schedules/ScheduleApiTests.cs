using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Jobs.Schedules;
using GroupBuy.Testing;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace GroupBuy.BotHost.Tests.Schedules;

/// <summary>Ops edit schedules through the admin API; each enabled schedule is a Hangfire recurring job in business time.</summary>
public sealed class ScheduleApiTests : IAsyncLifetime
{
    private readonly PostgresDatabase database = MigratedDatabase.Create();
    private readonly FakeTimeProvider clock = new(ScheduleBodies.WednesdayMorning);
    private BotHostFactory host = null!;
    private HttpClient admin = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        host = CreateHost();
        admin = host.CreateAdminClient();
        await admin.RegisterGroupAsync("room-1");
        await admin.RegisterGroupAsync("room-2", name: "阳光花园5栋团购群");
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await database.DisposeAsync();
    }

    private BotHostFactory CreateHost() =>
        BotHostFactory.OnPostgres(database.ConnectionString, ("Outbox:Workers", "0"), ("Inbox:Workers", "0"))
            .WithServices(s => s.AddSingleton<TimeProvider>(clock));

    private static Uri Url(string path) => new(path, UriKind.Relative);

    /// <summary>The schedules' recurring jobs (the host's own fixed ones, such as pickup reminders, are not theirs).</summary>
    private static List<RecurringJobDto> RecurringJobs(BotHostFactory factory)
    {
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        return [.. connection.GetRecurringJobs().Where(j => j.Id.StartsWith("schedule:", StringComparison.Ordinal))];
    }

    private async Task<JsonElement> CreateAsync(object body)
    {
        var response = await admin.PostAsJsonAsync(Url("/api/schedules"), body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<string> NextRuns(JsonElement schedule) =>
        [.. schedule.GetProperty("nextRuns").EnumerateArray().Select(r => r.GetString() ?? string.Empty)];

    [Fact]
    public async Task A_schedule_is_created_with_its_next_five_runs_in_business_time_and_a_recurring_job()
    {
        var schedule = await CreateAsync(ScheduleBodies.Thursday());

        var id = schedule.GetProperty("id").GetInt64();
        // Wednesdays at 20:00 Beijing time, from Wednesday 2 January 2036, 10:00: that evening first.
        Assert.Equal(
            ["2036-01-02T20:00:00+08:00", "2036-01-09T20:00:00+08:00", "2036-01-16T20:00:00+08:00", "2036-01-23T20:00:00+08:00", "2036-01-30T20:00:00+08:00"],
            NextRuns(schedule));
        Assert.Equal("0 20 * * 3", schedule.GetProperty("cron").GetString());
        Assert.Equal("每周三 20:00", schedule.GetProperty("cronText").GetString());
        Assert.Equal("1.02:00:00", schedule.GetProperty("closesAfter").GetString());
        Assert.Equal("1.21:00:00", schedule.GetProperty("pickupAfter").GetString());
        Assert.Equal("Asia/Shanghai", schedule.GetProperty("timeZone").GetString());
        Assert.Equal(["room-1", "room-2"], schedule.GetProperty("chatIds").EnumerateArray().Select(c => c.GetString() ?? string.Empty));
        Assert.Equal([1, 2], schedule.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("itemNo").GetInt32()));
        Assert.Equal($"schedule:{id}", schedule.GetProperty("jobId").GetString());

        var job = Assert.Single(RecurringJobs(host));
        Assert.Equal(ScheduleJobs.JobId(id), job.Id);
        Assert.Equal("0 20 * * 3", job.Cron);
        Assert.Equal("Asia/Shanghai", job.TimeZoneId);
        Assert.Equal(typeof(PublishScheduledCampaign), job.Job.Type);
        Assert.Equal(id, Convert.ToInt64(job.Job.Args[0], System.Globalization.CultureInfo.InvariantCulture));

        var read = await admin.GetFromJsonAsync<JsonElement>(Url($"/api/schedules/{id}"));
        Assert.Equal(NextRuns(schedule), NextRuns(read));
        Assert.Single((await admin.GetFromJsonAsync<JsonElement>(Url("/api/schedules"))).EnumerateArray());
    }

    [Theory]
    [InlineData("0 20 * *", "has 4 field(s)")]
    [InlineData("0 20 * * 3 2036", "has 6 field(s)")]
    [InlineData("61 20 * * 3", "not a valid cron expression")]
    [InlineData("0 20 * * 周三", "not a valid cron expression")]
    [InlineData("", "is required")]
    [InlineData("0 0 30 2 *", "never comes round")]
    public async Task A_bad_cron_is_a_400_on_cron_saying_why_and_nothing_is_stored(string cron, string why)
    {
        var response = await admin.PostAsJsonAsync(Url("/api/schedules"), ScheduleBodies.Thursday(cron: cron));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(why, Assert.Single(problem.FieldErrors("cron")), StringComparison.Ordinal);
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>(Url("/api/schedules"))).EnumerateArray());
        Assert.Empty(RecurringJobs(host));
    }

    [Theory]
    [InlineData("""{"name":"n","cron":"0 20 * * 3","title":"t","chatIds":["room-9"],"closesAfter":"1.02:00:00","pickupAfter":"1.21:00:00","pickupPoint":"p","items":[{"name":"a","price":1,"referencePrice":1.2,"category":"生鲜"}]}""", "chatIds[0]")]
    [InlineData("""{"name":"n","cron":"0 20 * * 3","title":"t","chatIds":[],"closesAfter":"1.02:00:00","pickupAfter":"1.21:00:00","pickupPoint":"p","items":[{"name":"a","price":1,"referencePrice":1.2,"category":"生鲜"}]}""", "chatIds")]
    [InlineData("""{"name":"n","cron":"0 20 * * 3","title":"t","chatIds":["room-1"],"closesAfter":"26h","pickupAfter":"1.21:00:00","pickupPoint":"p","items":[{"name":"a","price":1,"referencePrice":1.2,"category":"生鲜"}]}""", "closesAfter")]
    [InlineData("""{"name":"n","cron":"0 20 * * 3","title":"t","chatIds":["room-1"],"closesAfter":"1.02:00:00","pickupAfter":"1.00:00:00","pickupPoint":"p","items":[{"name":"a","price":1,"referencePrice":1.2,"category":"生鲜"}]}""", "pickupAfter")]
    [InlineData("""{"name":"n","cron":"0 20 * * 3","title":"t","chatIds":["room-1"],"pickupAfter":"1.21:00:00","pickupPoint":"p","items":[{"name":"a","price":1,"referencePrice":1.2,"category":"生鲜"}]}""", "closesAfter")]
    [InlineData("""{"cron":"0 20 * * 3","title":"t","chatIds":["room-1"],"closesAfter":"1.02:00:00","pickupAfter":"1.21:00:00","pickupPoint":"p","items":[{"name":"a","price":1,"referencePrice":1.2,"category":"生鲜"}]}""", "name")]
    [InlineData("""{"name":"n","cron":"0 20 * * 3","title":"t","chatIds":["room-1"],"closesAfter":"1.02:00:00","pickupAfter":"1.21:00:00","pickupPoint":"p","items":[]}""", "items")]
    [InlineData("""{"name":"n","cron":"0 20 * * 3","title":"t","chatIds":["room-1"],"closesAfter":"1.02:00:00","pickupAfter":"1.21:00:00","pickupPoint":"p","items":[{"name":"a","price":0,"referencePrice":1.2,"category":"生鲜"}]}""", "items[0].price")]
    [InlineData("""{"name":"n","cron":"0 20 * * 3","title":"t","chatIds":["room-1"],"closesAfter":"1.02:00:00","pickupAfter":"1.21:00:00","pickupPoint":"p","items":[{"name":"冰箱","price":1999,"referencePrice":2399,"category":"大家电"}]}""", "items[0].category")]
    public async Task A_bad_schedule_is_a_400_naming_the_field_by_the_campaign_rules(string json, string field)
    {
        var response = await admin.PostAsync(Url("/api/schedules"), new StringContent(json, Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrors(field));
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>(Url("/api/schedules"))).EnumerateArray());
    }

    [Fact]
    public async Task Editing_updates_the_job_disabling_removes_it_and_deleting_removes_schedule_and_job()
    {
        var id = (await CreateAsync(ScheduleBodies.Thursday())).GetProperty("id").GetInt64();

        var moved = await admin.PutAsJsonAsync(Url($"/api/schedules/{id}"), ScheduleBodies.Thursday(cron: "30 19 * * 4", chatIds: ["room-1"]));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var movedBody = await moved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("2036-01-03T19:30:00+08:00", NextRuns(movedBody)[0]);
        Assert.Equal("每周四 19:30", movedBody.GetProperty("cronText").GetString());
        Assert.Equal(["room-1"], movedBody.GetProperty("chatIds").EnumerateArray().Select(c => c.GetString() ?? string.Empty));
        Assert.Equal("30 19 * * 4", Assert.Single(RecurringJobs(host)).Cron);

        var disabled = await admin.PutAsJsonAsync(Url($"/api/schedules/{id}"), ScheduleBodies.Thursday(enabled: false));
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.Empty(NextRuns(await disabled.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Empty(RecurringJobs(host));

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync(Url($"/api/schedules/{id}"), ScheduleBodies.Thursday())).StatusCode);
        Assert.Single(RecurringJobs(host));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(Url($"/api/schedules/{id}"))).StatusCode);
        Assert.Empty(RecurringJobs(host));
        await (await admin.GetAsync(Url($"/api/schedules/{id}"))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PutAsJsonAsync(Url($"/api/schedules/{id}"), ScheduleBodies.Thursday())).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await admin.DeleteAsync(Url($"/api/schedules/{id}"))).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task On_start_up_jobs_are_recreated_from_the_database_and_strays_removed()
    {
        var enabled = (await CreateAsync(ScheduleBodies.Thursday())).GetProperty("id").GetInt64();
        var disabled = (await CreateAsync(ScheduleBodies.Thursday(cron: "0 9 * * 1", enabled: false))).GetProperty("id").GetInt64();
        // What a lost write or a schedule deleted while no host listened would leave behind.
        var recurring = host.Services.GetRequiredService<IRecurringJobManager>();
        recurring.RemoveIfExists(ScheduleJobs.JobId(enabled));
        var zone = new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai") };
        recurring.AddOrUpdate<PublishScheduledCampaign>(ScheduleJobs.JobId(disabled), job => job.RunAsync(disabled, CancellationToken.None), "0 9 * * 1", zone);
        recurring.AddOrUpdate<PublishScheduledCampaign>(ScheduleJobs.JobId(424242), job => job.RunAsync(424242, CancellationToken.None), "0 9 * * 1", zone);
        await host.DisposeAsync();

        host = CreateHost();
        _ = host.Services;

        var job = Assert.Single(RecurringJobs(host));
        Assert.Equal(ScheduleJobs.JobId(enabled), job.Id);
        Assert.Equal("0 20 * * 3", job.Cron);
        Assert.Equal("Asia/Shanghai", job.TimeZoneId);
    }

    [Fact]
    public async Task Schedules_need_the_admin_key()
    {
        await (await host.CreateAnonymousClient().GetAsync(Url("/api/schedules"))).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
