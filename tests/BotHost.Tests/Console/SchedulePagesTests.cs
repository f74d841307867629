using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GroupBuy.BotHost.Tests.Schedules;
using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Ops;
using GroupBuy.Conversations.Storage;
using GroupBuy.Jobs.Campaigns;
using GroupBuy.Jobs.Schedules;
using GroupBuy.Testing;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace GroupBuy.BotHost.Tests.Console;

/// <summary>
/// Ops look after schedules in the console, through the real host on PostgreSQL: the list with
/// the cron in words and the next five runs, 暂停/启用 changing the row and the Hangfire job,
/// 立即运行 publishing exactly once, the form by the API's rules, and who may do what.
/// </summary>
public sealed class SchedulePagesTests : IClassFixture<PostgresDatabase>
{
    private readonly PostgresDatabase database;
    private readonly FakeTimeProvider clock = new(ScheduleBodies.WednesdayMorning);

    public SchedulePagesTests(PostgresDatabase database)
    {
        this.database = database;
    }

    private static Uri Url(string path) => new(path, UriKind.Relative);

    /// <summary>The host on the class's database and this test's clock; workers off, so what is queued stays to be read.</summary>
    private BotHostFactory CreateHost() =>
        BotHostFactory.OnPostgres(database.ConnectionString, ("Outbox:Workers", "0"), ("Inbox:Workers", "0"))
            .WithServices(s => s.AddSingleton<TimeProvider>(clock));

    private static object Body(string name, string[] chatIds, string cron = "0 20 * * 3", bool enabled = true) => new
    {
        name,
        cron,
        enabled,
        title = "周四鲜果",
        chatIds,
        closesAfter = "1.02:00:00",
        pickupAfter = "1.21:00:00",
        pickupPoint = "3栋大堂快递柜旁",
        items = new object[]
        {
            new { name = "红富士苹果", aliases = new[] { "苹果" }, price = 12.8m, referencePrice = 15.8m, category = "生鲜", stock = 100 },
            new { name = "香蕉", aliases = Array.Empty<string>(), price = 6m, referencePrice = 7m, category = "生鲜", stock = (int?)null },
        },
    };

    private static async Task<long> CreateAsync(HttpClient admin, object body)
    {
        var response = await admin.PostAsJsonAsync(Url("/api/schedules"), body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    private static RecurringJobDto? RecurringJob(BotHostFactory host, long scheduleId)
    {
        using var connection = host.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs().SingleOrDefault(j => j.Id == ScheduleJobs.JobId(scheduleId));
    }

    private static async Task<T> ReadAsync<T>(BotHostFactory host, Func<GroupBuyDbContext, Task<T>> read)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>());
    }

    private static Task<List<AuditEntry>> AuditAsync(BotHostFactory host, long scheduleId) =>
        ReadAsync(host, db => db.AuditEntries.AsNoTracking().Where(a => a.Subject == $"schedule {scheduleId}").OrderBy(a => a.Id).ToListAsync());

    /// <summary>The campaigns the schedule's runs made, oldest first.</summary>
    private static Task<List<Campaign>> CampaignsOfAsync(BotHostFactory host, long scheduleId) =>
        ReadAsync(host, async db =>
        {
            var ids = await db.ScheduleRuns.Where(r => r.ScheduleId == scheduleId).Select(r => r.CampaignId).ToListAsync();
            return await db.Campaigns.AsNoTracking().Include(c => c.Chats).Where(c => ids.Contains(c.Id)).OrderBy(c => c.Id).ToListAsync();
        });

    private static async Task<string> FollowAsync(ConsoleSession session, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await session.GetPageAsync(response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_list_shows_each_schedule_with_its_cron_in_words_its_groups_the_next_five_runs_and_its_runs()
    {
        await using var host = CreateHost();
        var admin = host.CreateAdminClient();
        await admin.RegisterGroupAsync("room-list-1", name: "幸福里1栋团购群");
        await admin.RegisterGroupAsync("room-list-2", name: "幸福里2栋团购群");
        var weekly = await CreateAsync(admin, Body("周四鲜果（每周三晚）", ["room-list-1", "room-list-2"]));
        var paused = await CreateAsync(admin, Body("工作日早餐", ["room-list-1"], cron: "30 7 * * 1-5", enabled: false));
        var session = await ConsoleSession.SignInAsync(host, "list-viewer", OpsRole.Viewer);

        var html = await session.GetPageAsync("/console/schedules");

        var rows = ConsoleHtml.Rows(html, "schedules");
        Assert.Contains(
            "周四鲜果（每周三晚） | 每周三 20:00 0 20 * * 3 | 启用中 | 幸福里1栋团购群、幸福里2栋团购群 | "
            + "1月2日(周三) 20:00 1月9日(周三) 20:00 1月16日(周三) 20:00 1月23日(周三) 20:00 1月30日(周三) 20:00 | 还没有运行过",
            rows);
        Assert.Contains("工作日早餐 | 周一至周五 07:30 30 7 * * 1-5 | 已暂停 | 幸福里1栋团购群 | 已暂停，不会运行 | 还没有运行过", rows);
        Assert.Contains($"href=\"/console/schedules/{weekly}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/console/schedules/{paused}\"", html, StringComparison.Ordinal);

        // The schedule's page says the same, with the cut-off and pickup of each coming run.
        var detail = await session.GetPageAsync($"/console/schedules/{weekly}");
        Assert.Equal("每周三 20:00", ConsoleHtml.Element(detail, "cron-text", "strong"));
        Assert.Equal(
            "1月2日(周三) 20:00 | 1月3日(周四) 22:00 | 1月4日(周五) 17:00",
            ConsoleHtml.Rows(detail, "next-runs")[0]);
        Assert.Equal(5, ConsoleHtml.Rows(detail, "next-runs").Count);
        Assert.Contains("截单 运行后 1天2小时", ConsoleHtml.Text(detail), StringComparison.Ordinal);
        Assert.Contains("取货 运行后 1天21小时", ConsoleHtml.Text(detail), StringComparison.Ordinal);
        Assert.Equal(["1号 | 红富士苹果 | 苹果 | 12.8 元 | 15.8 元 | 生鲜 | 100", "2号 | 香蕉 |  | 6 元 | 7 元 | 生鲜 | 不限"], ConsoleHtml.Rows(detail, "items"));
        Assert.Contains("还没有运行过。", ConsoleHtml.Text(detail), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pausing_changes_the_row_and_removes_the_recurring_job_and_enabling_brings_both_back()
    {
        await using var host = CreateHost();
        var admin = host.CreateAdminClient();
        await admin.RegisterGroupAsync("room-pause");
        var id = await CreateAsync(admin, Body("暂停测试", ["room-pause"]));
        Assert.NotNull(RecurringJob(host, id));
        var session = await ConsoleSession.SignInAsync(host, "pauser");

        var paused = await FollowAsync(session, await session.PostFormAsync($"/console/schedules/{id}", [], $"/console/schedules/{id}/pause"));

        Assert.Contains("已暂停：到时间不会再自动发布。", ConsoleHtml.Text(paused), StringComparison.Ordinal);
        Assert.Contains("已暂停，下面这些时间不会运行", ConsoleHtml.Text(paused), StringComparison.Ordinal);
        Assert.False(await ReadAsync(host, db => db.Schedules.Where(s => s.Id == id).Select(s => s.Enabled).SingleAsync()));
        Assert.Null(RecurringJob(host, id));
        var read = await admin.GetFromJsonAsync<JsonElement>(Url($"/api/schedules/{id}"));
        Assert.False(read.GetProperty("enabled").GetBoolean());
        Assert.Empty(read.GetProperty("nextRuns").EnumerateArray());

        // Paused stops the cron, not ops: 立即运行 still publishes one run, and the schedule stays paused.
        await session.PostFormAsync($"/console/schedules/{id}", new() { ["confirm"] = "true" }, $"/console/schedules/{id}/run");
        Assert.Single(await CampaignsOfAsync(host, id));
        Assert.False(await ReadAsync(host, db => db.Schedules.Where(s => s.Id == id).Select(s => s.Enabled).SingleAsync()));
        Assert.Null(RecurringJob(host, id));

        var resumed = await FollowAsync(session, await session.PostFormAsync($"/console/schedules/{id}", [], $"/console/schedules/{id}/resume"));

        Assert.Contains("已启用：下一次在 1月2日(周三) 20:00 自动发布。", ConsoleHtml.Text(resumed), StringComparison.Ordinal);
        Assert.True(await ReadAsync(host, db => db.Schedules.Where(s => s.Id == id).Select(s => s.Enabled).SingleAsync()));
        var job = RecurringJob(host, id);
        Assert.NotNull(job);
        Assert.Equal("0 20 * * 3", job.Cron);
        Assert.Equal("Asia/Shanghai", job.TimeZoneId);
        Assert.Equal(typeof(PublishScheduledCampaign), job.Job.Type);

        Assert.Equal(
            [("pauser", "schedule.disable", "暂停测试"), ("pauser", "schedule.run", $"campaign {(await CampaignsOfAsync(host, id))[0].Id}"), ("pauser", "schedule.enable", "暂停测试")],
            (await AuditAsync(host, id)).Select(a => (a.Actor, a.Action, a.Detail)));
    }

    [Fact]
    public async Task Run_now_publishes_exactly_one_campaign_and_a_second_press_in_the_same_minute_publishes_nothing()
    {
        await using var host = CreateHost();
        var admin = host.CreateAdminClient();
        await admin.RegisterGroupAsync("room-run-1");
        await admin.RegisterGroupAsync("room-run-2", name: "阳光花园5栋团购群");
        var id = await CreateAsync(admin, Body("立即运行测试", ["room-run-1", "room-run-2"]));
        var session = await ConsoleSession.SignInAsync(host, "lina");
        clock.SetUtcNow(new DateTimeOffset(2036, 1, 2, 14, 30, 10, TimeSpan.FromHours(8)));

        // Without the confirmation nothing runs.
        var unconfirmed = await FollowAsync(session, await session.PostFormAsync($"/console/schedules/{id}", [], $"/console/schedules/{id}/run"));
        Assert.Contains("立即运行前请先勾选确认。", ConsoleHtml.Text(unconfirmed), StringComparison.Ordinal);
        Assert.Empty(await CampaignsOfAsync(host, id));

        var first = await FollowAsync(session, await session.PostFormAsync($"/console/schedules/{id}", new() { ["confirm"] = "true" }, $"/console/schedules/{id}/run"));

        var campaign = Assert.Single(await CampaignsOfAsync(host, id));
        Assert.Contains(
            $"已立即运行：活动 #{campaign.Id} 已发布，开团预告正在发往 2 个群，1月3日(周四) 16:30 自动截单。",
            ConsoleHtml.Text(first),
            StringComparison.Ordinal);
        Assert.Equal(CampaignStatus.Published, campaign.Status);
        Assert.Equal("周四鲜果", campaign.Title);
        // Counted from the minute it was run: 14:30 + 1 day 2 hours, + 1 day 21 hours.
        Assert.Equal(new DateTimeOffset(2036, 1, 3, 16, 30, 0, TimeSpan.FromHours(8)), campaign.ClosesAt);
        Assert.Equal(new DateTimeOffset(2036, 1, 4, 11, 30, 0, TimeSpan.FromHours(8)), campaign.PickupAt);
        Assert.Equal(2, campaign.Chats.Count(c => c.PreviewSentAt is not null));
        Assert.Equal(2, await ReadAsync(host, db => db.OutboundMessages.CountAsync(m => m.IdempotencyKey.StartsWith($"preview:{campaign.Id}:"))));
        var monitoring = host.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        Assert.Contains(
            monitoring.ScheduledJobs(0, 500).Where(j => j.Value.Job.Type == typeof(CutOffCampaign)),
            j => Convert.ToInt64(j.Value.Job.Args[0], System.Globalization.CultureInfo.InvariantCulture) == campaign.Id);

        // The same minute again: the same run, already published.
        clock.Advance(TimeSpan.FromSeconds(30));
        var second = await FollowAsync(session, await session.PostFormAsync($"/console/schedules/{id}", new() { ["confirm"] = "true" }, $"/console/schedules/{id}/run"));

        Assert.Contains($"这一分钟的这一期刚刚已经发布过（活动 #{campaign.Id}），没有重复发布。", ConsoleHtml.Text(second), StringComparison.Ordinal);
        Assert.Single(await CampaignsOfAsync(host, id));
        var audit = Assert.Single(await AuditAsync(host, id));
        Assert.Equal(("lina", "schedule.run", $"campaign {campaign.Id}"), (audit.Actor, audit.Action, audit.Detail));

        // The run is listed with its campaign and who ran it; the list shows it as the last run.
        Assert.Equal([$"1月2日(周三) 14:30 | #{campaign.Id} 周四鲜果 | 接单中 | 李娜 立即运行"], ConsoleHtml.Rows(second, "run-list"));
        Assert.Contains($"href=\"/console/campaigns/{campaign.Id}\"", second, StringComparison.Ordinal);
        var list = await session.GetPageAsync("/console/schedules");
        Assert.Contains(ConsoleHtml.Rows(list, "schedules"), r => r.StartsWith("立即运行测试", StringComparison.Ordinal) && r.EndsWith($"1月2日(周三) 14:30 活动 #{campaign.Id} （李娜立即运行）", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_now_in_the_minute_the_cron_fires_and_the_recurring_job_publish_the_run_once()
    {
        await using var host = CreateHost();
        var admin = host.CreateAdminClient();
        await admin.RegisterGroupAsync("room-race");
        var id = await CreateAsync(admin, Body("撞上周期", ["room-race"]));

        // Wednesday 20:00:10: ops press the button as the cron's minute starts; the job comes 30 seconds later.
        clock.SetUtcNow(new DateTimeOffset(2036, 1, 2, 20, 0, 10, TimeSpan.FromHours(8)));
        var session = await ConsoleSession.SignInAsync(host, "racer");
        await session.PostFormAsync($"/console/schedules/{id}", new() { ["confirm"] = "true" }, $"/console/schedules/{id}/run");
        clock.SetUtcNow(ScheduleBodies.JustAfterTheRun);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await ActivatorUtilities.CreateInstance<PublishScheduledCampaign>(scope.ServiceProvider).RunAsync(id, CancellationToken.None);
        }

        var campaign = Assert.Single(await CampaignsOfAsync(host, id));
        Assert.Equal(new DateTimeOffset(2036, 1, 3, 22, 0, 0, TimeSpan.FromHours(8)), campaign.ClosesAt);
        Assert.Equal(1, await ReadAsync(host, db => db.OutboundMessages.CountAsync(m => m.IdempotencyKey.StartsWith($"preview:{campaign.Id}:"))));

        // And the other way round at the next occurrence: the job first, then the button in the same minute.
        clock.SetUtcNow(new DateTimeOffset(2036, 1, 9, 20, 0, 5, TimeSpan.FromHours(8)));
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await ActivatorUtilities.CreateInstance<PublishScheduledCampaign>(scope.ServiceProvider).RunAsync(id, CancellationToken.None);
        }

        // (A week on, the sign-in of last Wednesday has long expired.)
        session = await ConsoleSession.SignInAsync(host, "racer-next-week");
        clock.Advance(TimeSpan.FromSeconds(40));
        var page = await FollowAsync(session, await session.PostFormAsync($"/console/schedules/{id}", new() { ["confirm"] = "true" }, $"/console/schedules/{id}/run"));
        Assert.Contains("没有重复发布", ConsoleHtml.Text(page), StringComparison.Ordinal);
        Assert.Equal(2, (await CampaignsOfAsync(host, id)).Count);
        Assert.Equal(["1月9日(周三) 20:00", "1月2日(周三) 20:00"], ConsoleHtml.Rows(page, "run-list").Select(r => r.Split(" | ")[0]));
    }

    [Fact]
    public async Task A_viewer_may_look_but_not_pause_run_or_delete_and_a_stranger_is_sent_to_sign_in()
    {
        await using var host = CreateHost();
        var admin = host.CreateAdminClient();
        await admin.RegisterGroupAsync("room-viewer");
        var id = await CreateAsync(admin, Body("只看不改", ["room-viewer"]));
        var viewer = await ConsoleSession.SignInAsync(host, "guest-schedules", OpsRole.Viewer);

        foreach (var handler in new[] { "pause", "run", "delete" })
        {
            var response = await viewer.PostFormAsync($"/console/schedules/{id}", new() { ["confirm"] = "true" }, $"/console/schedules/{id}/{handler}");
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        var edit = await viewer.PostFormAsync($"/console/schedules/{id}/edit", new() { ["Name"] = "改名" });
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.True(await ReadAsync(host, db => db.Schedules.Where(s => s.Id == id).Select(s => s.Enabled).SingleAsync()));
        Assert.NotNull(RecurringJob(host, id));
        Assert.Empty(await CampaignsOfAsync(host, id));
        Assert.Empty(await AuditAsync(host, id));

        var stranger = ConsoleSession.Anonymous(host);
        foreach (var path in new[] { "/console/schedules", $"/console/schedules/{id}", "/console/schedules/new", $"/console/schedules/{id}/edit" })
        {
            var response = await stranger.GetAsync(Url(path));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/console/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Deleting_after_confirmation_removes_the_schedule_and_its_job_and_keeps_its_campaigns()
    {
        await using var host = CreateHost();
        var admin = host.CreateAdminClient();
        await admin.RegisterGroupAsync("room-delete");
        var id = await CreateAsync(admin, Body("要删除的排期", ["room-delete"]));
        var session = await ConsoleSession.SignInAsync(host, "deleter");
        await session.PostFormAsync($"/console/schedules/{id}", new() { ["confirm"] = "true" }, $"/console/schedules/{id}/run");
        var campaign = Assert.Single(await CampaignsOfAsync(host, id));

        var unconfirmed = await FollowAsync(session, await session.PostFormAsync($"/console/schedules/{id}", [], $"/console/schedules/{id}/delete"));
        Assert.Contains("删除前请先勾选确认。", ConsoleHtml.Text(unconfirmed), StringComparison.Ordinal);

        var list = await FollowAsync(session, await session.PostFormAsync($"/console/schedules/{id}", new() { ["confirm"] = "true" }, $"/console/schedules/{id}/delete"));

        Assert.Contains("排期“要删除的排期”已删除，不会再运行；它发布过的活动都还在。", ConsoleHtml.Text(list), StringComparison.Ordinal);
        Assert.DoesNotContain(ConsoleHtml.Rows(list, "schedules"), r => r.StartsWith("要删除的排期", StringComparison.Ordinal));
        Assert.Null(RecurringJob(host, id));
        Assert.False(await ReadAsync(host, db => db.Schedules.AnyAsync(s => s.Id == id)));
        Assert.True(await ReadAsync(host, db => db.Campaigns.AnyAsync(c => c.Id == campaign.Id)));
        Assert.Equal(["schedule.run", "schedule.delete"], (await AuditAsync(host, id)).Select(a => a.Action));
        Assert.Equal(HttpStatusCode.NotFound, (await session.Client.GetAsync(Url($"/console/schedules/{id}"))).StatusCode);
    }

    /// <summary>The schedule form's fields as a browser posts them; an item is (name, aliases, price, reference price, category, stock).</summary>
    private static List<KeyValuePair<string, string>> Form(
        string name, string cron, string[] chatIds, (string Days, string Hours) closes, (string Days, string Hours) pickup, params (string Name, string Aliases, string Price, string Reference, string Category, string Stock)[] items)
    {
        List<KeyValuePair<string, string>> fields =
        [
            new("Name", name),
            new("Cron", cron),
            new("Title", "周末水果"),
            new("PickupPoint", "3栋大堂快递柜旁"),
            new("ClosesAfter.Days", closes.Days),
            new("ClosesAfter.Hours", closes.Hours),
            new("ClosesAfter.Minutes", string.Empty),
            new("PickupAfter.Days", pickup.Days),
            new("PickupAfter.Hours", pickup.Hours),
            new("PickupAfter.Minutes", string.Empty),
            .. chatIds.Select(c => new KeyValuePair<string, string>("ChatIds", c)),
        ];
        for (var i = 0; i < items.Length; i++)
        {
            var (itemName, aliases, price, reference, category, stock) = items[i];
            fields.AddRange(
            [
                new($"Items[{i}].Name", itemName),
                new($"Items[{i}].Aliases", aliases),
                new($"Items[{i}].Price", price),
                new($"Items[{i}].ReferencePrice", reference),
                new($"Items[{i}].Category", category),
                new($"Items[{i}].Stock", stock),
            ]);
        }

        // A spare row left empty, as the form always offers one.
        fields.AddRange([new($"Items[{items.Length}].Name", string.Empty), new($"Items[{items.Length}].Category", string.Empty)]);
        return fields;
    }

    [Fact]
    public async Task A_schedule_made_with_the_form_reads_its_cron_out_and_is_stored_as_the_api_stores_it_with_its_job()
    {
        await using var host = CreateHost();
        var admin = host.CreateAdminClient();
        await admin.RegisterGroupAsync("room-form", name: "幸福里3栋团购群");
        var session = await ConsoleSession.SignInAsync(host, "former");

        // 看看是什么意思: the cron in words and its next runs, nothing stored.
        var empty = await session.GetPageAsync("/console/schedules/new");
        Assert.Contains("幸福里3栋团购群", ConsoleHtml.Text(empty), StringComparison.Ordinal);
        var preview = await session.PostFormAsync("/console/schedules/new", [new("Cron", "30 9 * * 1-5"), new("Command", "cron")]);
        var previewHtml = await preview.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal("周一至周五 09:30", ConsoleHtml.Element(previewHtml, "cron-words", "strong"));
        Assert.Contains("接下来：1月3日(周四) 09:30；1月4日(周五) 09:30；1月7日(周一) 09:30", ConsoleHtml.Text(previewHtml), StringComparison.Ordinal);
        Assert.Equal("30 9 * * 1-5", ConsoleHtml.InputValue(previewHtml, "Cron"));

        var form = Form("周末水果（每周五晚）", "0 20 * * 5", ["room-form"], ("1", "2"), ("1", "14"), ("砀山梨", "梨，雪梨", "9.9", "12.8", "生鲜", "80"));
        var saved = await session.PostFormAsync("/console/schedules/new", [.. form, new("Enabled", "true")]);
        var body = await saved.Content.ReadAsStringAsync();
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, $"The form answered {(int)saved.StatusCode}: {ConsoleHtml.Text(body)}");
        var location = saved.Headers.Location!.OriginalString;
        Assert.Matches("^/console/schedules/[0-9]+$", location);
        var id = long.Parse(location.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

        var detail = await session.GetPageAsync(location);
        Assert.Contains("排期已保存：每周五 20:00，下一次在 1月4日(周五) 20:00 自动发布。", ConsoleHtml.Text(detail), StringComparison.Ordinal);

        // Stored as the API would have stored it: the offsets in its form, the items and chats, enabled with its job.
        var stored = await admin.GetFromJsonAsync<JsonElement>(Url($"/api/schedules/{id}"));
        Assert.Equal("0 20 * * 5", stored.GetProperty("cron").GetString());
        Assert.Equal("每周五 20:00", stored.GetProperty("cronText").GetString());
        Assert.Equal("1.02:00:00", stored.GetProperty("closesAfter").GetString());
        Assert.Equal("1.14:00:00", stored.GetProperty("pickupAfter").GetString());
        Assert.True(stored.GetProperty("enabled").GetBoolean());
        Assert.Equal(["room-form"], stored.GetProperty("chatIds").EnumerateArray().Select(c => c.GetString() ?? string.Empty));
        var item = Assert.Single(stored.GetProperty("items").EnumerateArray());
        Assert.Equal(["梨", "雪梨"], item.GetProperty("aliases").EnumerateArray().Select(a => a.GetString() ?? string.Empty));
        Assert.Equal(80, item.GetProperty("stock").GetInt32());
        Assert.Equal("0 20 * * 5", RecurringJob(host, id)?.Cron);

        var audit = Assert.Single(await AuditAsync(host, id));
        Assert.Equal(("former", "schedule.create", "周末水果（每周五晚）"), (audit.Actor, audit.Action, audit.Detail));
    }

    [Fact]
    public async Task A_refused_form_shows_each_error_beside_its_field_keeps_what_was_typed_and_stores_nothing()
    {
        await using var host = CreateHost();
        var admin = host.CreateAdminClient();
        await admin.RegisterGroupAsync("room-refused");
        var session = await ConsoleSession.SignInAsync(host, "refused");
        var before = await ReadAsync(host, db => db.Schedules.CountAsync());

        var form = Form(" ", "0 20 * *", [], ("一", ""), ("0", "1"), ("冰箱", "", "便宜", "2399", "大家电", ""));
        var response = await session.PostFormAsync("/console/schedules/new", form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("有几处要改一下", ConsoleHtml.Text(html), StringComparison.Ordinal);
        Assert.Equal("必填。", ConsoleHtml.FieldError(html, "Name"));
        Assert.Equal("要五段（分 时 日 月 星期），现在是 4 段；如 0 20 * * 3 表示每周三 20:00。", ConsoleHtml.FieldError(html, "Cron"));
        Assert.Equal("天、小时、分钟都要填整数（不用的可以空着）。", ConsoleHtml.FieldError(html, "ClosesAfter"));
        Assert.Equal("至少选一个已登记的群。", ConsoleHtml.FieldError(html, "ChatIds"));
        Assert.Equal("请填金额（元），如 12.8。", ConsoleHtml.FieldError(html, "Items[0].Price"));
        Assert.StartsWith("大家电", ConsoleHtml.FieldError(html, "Items[0].Category"), StringComparison.Ordinal);
        Assert.Equal("0 20 * *", ConsoleHtml.InputValue(html, "Cron"));
        Assert.Equal("一", ConsoleHtml.InputValue(html, "ClosesAfter.Days"));
        Assert.Equal("便宜", ConsoleHtml.InputValue(html, "Items[0].Price"));

        // 看看是什么意思 on a cron Cronos refuses says why in the same words.
        var bad = await session.PostFormAsync("/console/schedules/new", [new("Cron", "61 20 * * 3"), new("Command", "cron")]);
        Assert.Equal(
            "有一段写得不对或超出范围（分 0–59，时 0–23，日 1–31，月 1–12，星期 0–7），如 0 20 * * 3 表示每周三 20:00。",
            ConsoleHtml.Element(await bad.Content.ReadAsStringAsync(), "cron-preview"));

        // Pickup before the cut-off is refused beside the pickup.
        var early = await session.PostFormAsync("/console/schedules/new", Form("取货太早", "0 20 * * 5", ["room-refused"], ("1", "2"), ("1", "0"), ("香蕉", "", "6", "7", "生鲜", "")));
        Assert.Equal("取货不能早于截单：取货时间要在截单之后。", ConsoleHtml.FieldError(await early.Content.ReadAsStringAsync(), "PickupAfter"));

        Assert.Equal(before, await ReadAsync(host, db => db.Schedules.CountAsync()));
    }

    [Fact]
    public async Task Editing_through_the_form_replaces_the_schedule_moves_its_job_and_keeps_a_paused_one_paused()
    {
        await using var host = CreateHost();
        var admin = host.CreateAdminClient();
        await admin.RegisterGroupAsync("room-edit-1", name: "编辑1群");
        await admin.RegisterGroupAsync("room-edit-2", name: "编辑2群");
        var id = await CreateAsync(admin, Body("要改的排期", ["room-edit-1"]));
        var session = await ConsoleSession.SignInAsync(host, "editor");

        var page = await session.GetPageAsync($"/console/schedules/{id}/edit");
        Assert.Equal("0 20 * * 3", ConsoleHtml.InputValue(page, "Cron"));
        Assert.Equal("每周三 20:00", ConsoleHtml.Element(page, "cron-words", "strong"));
        Assert.Equal("1", ConsoleHtml.InputValue(page, "ClosesAfter.Days"));
        Assert.Equal("2", ConsoleHtml.InputValue(page, "ClosesAfter.Hours"));
        Assert.Equal("21", ConsoleHtml.InputValue(page, "PickupAfter.Hours"));
        Assert.Equal("红富士苹果", ConsoleHtml.InputValue(page, "Items[0].Name"));

        var form = Form("改过的排期", "30 19 * * 4", ["room-edit-1", "room-edit-2"], ("", "26"), ("2", ""), ("红富士苹果", "苹果", "11.8", "15.8", "生鲜", "60"));
        var saved = await session.PostFormAsync($"/console/schedules/{id}/edit", form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var stored = await admin.GetFromJsonAsync<JsonElement>(Url($"/api/schedules/{id}"));
        Assert.Equal("改过的排期", stored.GetProperty("name").GetString());
        Assert.Equal("1.02:00:00", stored.GetProperty("closesAfter").GetString());
        Assert.Equal("2.00:00:00", stored.GetProperty("pickupAfter").GetString());
        Assert.Equal(["room-edit-1", "room-edit-2"], stored.GetProperty("chatIds").EnumerateArray().Select(c => c.GetString() ?? string.Empty));
        Assert.Equal(11.8m, Assert.Single(stored.GetProperty("items").EnumerateArray()).GetProperty("price").GetDecimal());
        Assert.Equal("30 19 * * 4", RecurringJob(host, id)?.Cron);

        // Paused, then edited: still paused, still no job.
        await session.PostFormAsync($"/console/schedules/{id}", [], $"/console/schedules/{id}/pause");
        Assert.Equal(HttpStatusCode.Redirect, (await session.PostFormAsync($"/console/schedules/{id}/edit", form)).StatusCode);
        Assert.False(await ReadAsync(host, db => db.Schedules.Where(s => s.Id == id).Select(s => s.Enabled).SingleAsync()));
        Assert.Null(RecurringJob(host, id));

        Assert.Equal(["schedule.update", "schedule.disable", "schedule.update"], (await AuditAsync(host, id)).Select(a => a.Action));
    }
}
