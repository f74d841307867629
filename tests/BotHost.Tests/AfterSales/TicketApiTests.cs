using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GroupBuy.BotHost.Tests.Leaders;
using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Conversations.AfterSales;
using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Groups;
using GroupBuy.Conversations.Outbox;
using GroupBuy.Conversations.Storage;
using GroupBuy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace GroupBuy.BotHost.Tests.AfterSales;

/// <summary>Ops follow and settle after-sales tickets through the admin API, as they would in the ops chat.</summary>
public sealed class TicketApiTests : IAsyncLifetime
{
    private static readonly TimeSpan Beijing = CommissionSeed.Beijing;

    // Tickets are taken in just before this, so no after-sales timer finds anything due while a test runs.
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 10, 0, 0, Beijing);

    private readonly PostgresDatabase database = MigratedDatabase.Create();
    private readonly FakeTimeProvider clock = new(Now);
    private BotHostFactory host = null!;
    private HttpClient admin = null!;
    private CommissionSeed seed = null!;
    private Group group = null!;
    private Campaign campaign = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        host = BotHostFactory.OnPostgres(database.ConnectionString, ("Outbox:Workers", "0"), ("Inbox:Workers", "0"))
            .WithServices(s => s.AddSingleton<TimeProvider>(clock));
        admin = host.CreateAdminClient();
        seed = new CommissionSeed(host.Services);
        group = await seed.GroupAsync("room-1", "阳光花园3栋团购群", "u-leader", "李姐");
        campaign = await seed.CampaignAsync("周四鲜果", ("红富士苹果", 12.5m, "生鲜"), ("香蕉", 6m, "生鲜"));
    }

    public async Task DisposeAsync()
    {
        admin.Dispose();
        await host.DisposeAsync();
        await database.DisposeAsync();
    }

    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>A ticket about 2 × 苹果 and 1 × 香蕉 (31 yuan paid), taken in <paramref name="minutesAgo"/> before now.</summary>
    private async Task<Ticket> TicketAsync(string resident, int minutesAgo = 10, TimeSpan? answeredAfter = null, (int Stars, DateTimeOffset At)? rating = null)
    {
        var order = await seed.PickedUpAsync(group, campaign, resident, Now.AddDays(-1), (1, 2), (2, 1));
        return await seed.TicketAsync(group, campaign, order, resident, Now.AddMinutes(-minutesAgo), answeredAfter, rating);
    }

    private async Task<T> ReadAsync<T>(Func<GroupBuyDbContext, Task<T>> read)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>());
    }

    private Task<Ticket> StoredAsync(long id) =>
        ReadAsync(db => db.Tickets.AsNoTracking().Include(t => t.Events).SingleAsync(t => t.Id == id));

    /// <summary>Messages queued to the ticket's resident: in the group they asked in, mentioning them.</summary>
    private Task<List<OutboundMessage>> ToResidentAsync(Ticket ticket, string what) =>
        ReadAsync(db => db.OutboundMessages.AsNoTracking()
            .Where(m => (m.ChatId == ticket.ReplyChatId || m.ToUserId == ticket.ResidentUserId) && m.IdempotencyKey.StartsWith($"ticket:{ticket.Id}:{what}:"))
            .ToListAsync());

    /// <summary>The resident's 接受: what the chat would do, without the chat.</summary>
    private async Task AcceptAsync(long id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
        var ticket = await db.Tickets.Include(t => t.Events).SingleAsync(t => t.Id == id);
        ticket.Accept(clock.GetUtcNow());
        await db.SaveChangesAsync();
    }

    private Task<JsonElement> DecideAsync(long id, string json) => DecideAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture), json);

    private async Task<JsonElement> DecideAsync(string id, string json)
    {
        var response = await admin.PostAsync(Url($"/api/tickets/{id}/resolution"), Json(json));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task Without_the_admin_key_every_ticket_endpoint_is_401()
    {
        var ticket = await TicketAsync("王阿姨");
        var anonymous = host.CreateAnonymousClient();

        await (await anonymous.GetAsync(Url("/api/tickets"))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync(Url($"/api/tickets/{ticket.Number}"))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.PostAsync(Url($"/api/tickets/{ticket.Id}/resolution"), Json("""{"kind":"exchange"}"""))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.PostAsync(Url($"/api/tickets/{ticket.Id}/done"), null)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(TicketStatus.Open, (await StoredAsync(ticket.Id)).Status);
    }

    [Fact]
    public async Task The_list_is_newest_first_with_each_ticket_summarised_and_narrows_by_status()
    {
        var open = await TicketAsync("王阿姨", minutesAgo: 30);
        var done = await TicketAsync("张叔", minutesAgo: 20, answeredAfter: TimeSpan.FromMinutes(5));
        var newest = await TicketAsync("小刘", minutesAgo: 5);

        var all = (await admin.GetFromJsonAsync<JsonElement>(Url("/api/tickets"))).EnumerateArray().ToList();

        Assert.Equal([newest.Id, done.Id, open.Id], all.Select(t => t.GetProperty("id").GetInt64()));
        var first = all[2];
        Assert.Equal(open.Number, first.GetProperty("number").GetString());
        Assert.Equal("open", first.GetProperty("status").GetString());
        Assert.Equal("quality", first.GetProperty("type").GetString());
        Assert.Equal("王阿姨", first.GetProperty("residentName").GetString());
        Assert.Equal(group.Id, first.GetProperty("groupId").GetInt64());
        Assert.Equal(open.OrderId, first.GetProperty("orderId").GetInt64());
        Assert.Equal(campaign.Id, first.GetProperty("campaignId").GetInt64());
        Assert.Equal("2026-11-20T09:30:00+08:00", first.GetProperty("createdAt").GetString());
        Assert.Equal("2026-11-20T10:30:00+08:00", first.GetProperty("firstAnswerDueAt").GetString());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("answeredAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, first.GetProperty("escalatedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, first.GetProperty("resolution").ValueKind);
        Assert.Equal(JsonValueKind.Null, first.GetProperty("doneAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, first.GetProperty("rating").ValueKind);
        Assert.False(first.TryGetProperty("lines", out _), "The list gives summaries; lines are in the detail.");

        var carriedOut = all[1];
        Assert.Equal("done", carriedOut.GetProperty("status").GetString());
        var resolution = carriedOut.GetProperty("resolution");
        Assert.Equal("refund", resolution.GetProperty("kind").GetString());
        Assert.Equal(31m, resolution.GetProperty("refundAmount").GetDecimal());
        Assert.Equal(JsonValueKind.Null, resolution.GetProperty("cash").ValueKind);
        Assert.False(resolution.GetProperty("coupon").GetBoolean());
        Assert.Equal("u-leader", resolution.GetProperty("decidedBy").GetString());
        Assert.Equal(Now.AddMinutes(-15), resolution.GetProperty("decidedAt").GetDateTimeOffset());
        Assert.Equal(Now.AddMinutes(-15).AddHours(24), resolution.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(Now.AddMinutes(-15), carriedOut.GetProperty("doneAt").GetDateTimeOffset());

        var onlyOpen = await admin.GetFromJsonAsync<JsonElement>(Url("/api/tickets?status=open"));
        Assert.Equal([newest.Id, open.Id], onlyOpen.EnumerateArray().Select(t => t.GetProperty("id").GetInt64()));
        var onlyDone = await admin.GetFromJsonAsync<JsonElement>(Url("/api/tickets?status=DONE"));
        Assert.Equal([done.Id], onlyDone.EnumerateArray().Select(t => t.GetProperty("id").GetInt64()));
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>(Url("/api/tickets?status=in_progress"))).EnumerateArray());
        var capped = await admin.GetFromJsonAsync<JsonElement>(Url("/api/tickets?limit=1"));
        Assert.Equal([newest.Id], capped.EnumerateArray().Select(t => t.GetProperty("id").GetInt64()));
    }

    [Theory]
    [InlineData("status=pending", "status", "open, proposed, in_progress, done, closed")]
    [InlineData("status=1", "status", "open, proposed, in_progress, done, closed")]
    [InlineData("limit=0", "limit", "1 to 500")]
    [InlineData("limit=501", "limit", "1 to 500")]
    [InlineData("limit=ten", "limit", "1 to 500")]
    public async Task A_bad_list_query_is_a_400_naming_the_parameter(string query, string field, string hint)
    {
        var response = await admin.GetAsync(Url($"/api/tickets?{query}"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(hint, Assert.Single(problem.FieldErrors(field)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_detail_is_found_by_id_or_number_with_lines_and_history()
    {
        var ticket = await TicketAsync("王阿姨", answeredAfter: TimeSpan.FromMinutes(5), rating: (4, Now.AddMinutes(-1)));

        var byId = await admin.GetStringAsync(Url($"/api/tickets/{ticket.Id}"));
        var byNumber = await admin.GetStringAsync(Url($"/api/tickets/{ticket.Number}"));
        var lowerCase = await admin.GetStringAsync(Url($"/api/tickets/{ticket.Number.ToLowerInvariant()}"));

        Assert.Equal(byId, byNumber);
        Assert.Equal(byId, lowerCase);
        var detail = JsonDocument.Parse(byId).RootElement;
        Assert.Equal(ticket.Id, detail.GetProperty("id").GetInt64());
        Assert.Equal($"T{ticket.Id + 1000}", detail.GetProperty("number").GetString());
        Assert.Equal("closed", detail.GetProperty("status").GetString());
        Assert.Equal(4, detail.GetProperty("rating").GetInt32());
        Assert.Equal("gateway", detail.GetProperty("channel").GetString());
        Assert.Equal("u-王阿姨", detail.GetProperty("residentId").GetString());
        Assert.Equal("坏了", detail.GetProperty("description").GetString());
        Assert.Equal(31m, detail.GetProperty("paid").GetDecimal());
        Assert.Empty(detail.GetProperty("evidence").EnumerateArray());
        Assert.Equal(
            [(1, "红富士苹果", 2, 12.5m, 25m), (2, "香蕉", 1, 6m, 6m)],
            detail.GetProperty("lines").EnumerateArray().Select(l => (
                l.GetProperty("itemNo").GetInt32(),
                l.GetProperty("name").GetString(),
                l.GetProperty("quantity").GetInt32(),
                l.GetProperty("unitPrice").GetDecimal(),
                l.GetProperty("amount").GetDecimal())));
        Assert.Equal(Now.AddMinutes(-5), detail.GetProperty("acceptedAt").GetDateTimeOffset());
        Assert.Equal(Now.AddMinutes(-1), detail.GetProperty("followUpSentAt").GetDateTimeOffset());
        Assert.Equal(Now.AddMinutes(-1), detail.GetProperty("ratedAt").GetDateTimeOffset());
        Assert.Equal(Now.AddMinutes(-1), detail.GetProperty("closedAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("overdueEscalatedAt").ValueKind);
        Assert.Equal(
            [("open", "u-王阿姨"), ("proposed", "u-leader"), ("in_progress", "u-王阿姨"), ("done", "u-leader"), ("done", "bot"), ("closed", "u-王阿姨")],
            detail.GetProperty("history").EnumerateArray().Select(e => (e.GetProperty("status").GetString(), e.GetProperty("actor").GetString())));
        Assert.Equal("rated 4", detail.GetProperty("history")[5].GetProperty("note").GetString());
        Assert.Equal("2026-11-20T09:50:00+08:00", detail.GetProperty("history")[0].GetProperty("at").GetString());
    }

    [Theory]
    [InlineData("999")]
    [InlineData("T1999")]
    [InlineData("T1000")]
    [InlineData("abc")]
    public async Task An_unknown_ticket_is_a_404_for_every_endpoint(string id)
    {
        await TicketAsync("王阿姨");

        await (await admin.GetAsync(Url($"/api/tickets/{id}"))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PostAsync(Url($"/api/tickets/{id}/resolution"), Json("""{"kind":"exchange"}"""))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PostAsync(Url($"/api/tickets/{id}/done"), null)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_refund_of_part_is_proposed_to_the_resident_and_stored()
    {
        var ticket = await TicketAsync("王阿姨");

        var detail = await DecideAsync(ticket.Id, """{"kind":"refund","amount":12.5}""");

        Assert.Equal("proposed", detail.GetProperty("status").GetString());
        var resolution = detail.GetProperty("resolution");
        Assert.Equal("refund", resolution.GetProperty("kind").GetString());
        Assert.Equal(12.5m, resolution.GetProperty("refundAmount").GetDecimal());
        Assert.Equal("ops", resolution.GetProperty("decidedBy").GetString());
        Assert.Equal("2026-11-20T10:00:00+08:00", resolution.GetProperty("decidedAt").GetString());
        Assert.Equal("2026-11-21T10:00:00+08:00", resolution.GetProperty("dueAt").GetString());
        Assert.Equal(("proposed", "ops"), (detail.GetProperty("history")[1].GetProperty("status").GetString(), detail.GetProperty("history")[1].GetProperty("actor").GetString()));

        var stored = await StoredAsync(ticket.Id);
        Assert.Equal(TicketStatus.Proposed, stored.Status);
        Assert.Equal(ResolutionKind.Refund, stored.ResolutionKind);
        Assert.Equal(12.5m, stored.RefundAmount);
        Assert.Equal(Ticket.Actors.Ops, stored.DecidedBy);
        Assert.Equal(Now, stored.AnsweredAt);
        Assert.Equal(Now.AddHours(24), stored.DueAt);
        var proposal = Assert.Single(await ToResidentAsync(ticket, "proposed"));
        Assert.Equal("room-1", proposal.ChatId);
        Assert.Equal(["u-王阿姨"], proposal.Mentions);
    }

    [Fact]
    public async Task A_refund_without_an_amount_gives_back_all_that_was_paid()
    {
        var ticket = await TicketAsync("王阿姨");

        var detail = await DecideAsync(ticket.Id, """{"kind":"refund","amount":null,"coupon":false}""");

        Assert.Equal(31m, detail.GetProperty("resolution").GetProperty("refundAmount").GetDecimal());
        Assert.Equal(31m, (await StoredAsync(ticket.Id)).RefundAmount);
        Assert.Single(await ToResidentAsync(ticket, "proposed"));
    }

    [Fact]
    public async Task An_exchange_is_due_in_three_days()
    {
        var ticket = await TicketAsync("王阿姨");

        var detail = await DecideAsync(ticket.Id, """{"kind":"Exchange"}""");

        var resolution = detail.GetProperty("resolution");
        Assert.Equal("exchange", resolution.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, resolution.GetProperty("refundAmount").ValueKind);
        Assert.Equal(Now.AddDays(3), resolution.GetProperty("dueAt").GetDateTimeOffset());
        var stored = await StoredAsync(ticket.Id);
        Assert.Equal((TicketStatus.Proposed, ResolutionKind.Exchange, (decimal?)null), (stored.Status, stored.ResolutionKind, stored.RefundAmount));
        Assert.Single(await ToResidentAsync(ticket, "proposed"));
    }

    [Fact]
    public async Task A_cash_compensation_gives_five_to_ten_yuan()
    {
        var ticket = await TicketAsync("王阿姨");

        var detail = await DecideAsync(ticket.Id, """{"kind":"compensation","amount":8}""");

        var resolution = detail.GetProperty("resolution");
        Assert.Equal("compensation", resolution.GetProperty("kind").GetString());
        Assert.Equal(8m, resolution.GetProperty("cash").GetDecimal());
        Assert.False(resolution.GetProperty("coupon").GetBoolean());
        var stored = await StoredAsync(ticket.Id);
        Assert.Equal((ResolutionKind.Compensation, (decimal?)8m), (stored.ResolutionKind, stored.CompensationCash));
        Assert.Single(await ToResidentAsync(ticket, "proposed"));
    }

    [Fact]
    public async Task A_coupon_compensation_can_replace_an_earlier_decision_before_acceptance()
    {
        var ticket = await TicketAsync("王阿姨");
        await DecideAsync(ticket.Id, """{"kind":"exchange"}""");

        var detail = await DecideAsync(ticket.Number, """{"kind":"compensation","coupon":true}""");

        var resolution = detail.GetProperty("resolution");
        Assert.Equal("compensation", resolution.GetProperty("kind").GetString());
        Assert.True(resolution.GetProperty("coupon").GetBoolean());
        Assert.Equal(JsonValueKind.Null, resolution.GetProperty("cash").ValueKind);
        var stored = await StoredAsync(ticket.Id);
        Assert.Equal((TicketStatus.Proposed, ResolutionKind.Compensation, (decimal?)null), (stored.Status, stored.ResolutionKind, stored.CompensationCash));
        Assert.Equal(CouponCompensation.Standard, stored.Resolution!.Compensation);
        Assert.Equal(2, (await ToResidentAsync(ticket, "proposed")).Count);
    }

    [Theory]
    [InlineData("""{}""", "kind")]
    [InlineData("""{"kind":"gift"}""", "kind")]
    [InlineData("""{"kind":"exchange","amount":5}""", "amount")]
    [InlineData("""{"kind":"exchange","coupon":true}""", "coupon")]
    [InlineData("""{"kind":"refund","coupon":true}""", "coupon")]
    [InlineData("""{"kind":"refund","amount":0}""", "amount")]
    [InlineData("""{"kind":"refund","amount":1.005}""", "amount")]
    [InlineData("""{"kind":"refund","amount":31.01}""", "amount")]
    [InlineData("""{"kind":"refund","amount":"lots"}""", "amount")]
    [InlineData("""{"kind":"compensation"}""", "amount")]
    [InlineData("""{"kind":"compensation","coupon":false}""", "amount")]
    [InlineData("""{"kind":"compensation","amount":5,"coupon":true}""", "coupon")]
    [InlineData("""{"kind":"compensation","amount":4.99}""", "amount")]
    [InlineData("""{"kind":"compensation","amount":10.5}""", "amount")]
    public async Task A_bad_resolution_is_a_400_naming_the_field_and_nothing_is_stored(string json, string field)
    {
        var ticket = await TicketAsync("王阿姨");

        var response = await admin.PostAsync(Url($"/api/tickets/{ticket.Id}/resolution"), Json(json));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrors(field));
        var stored = await StoredAsync(ticket.Id);
        Assert.Equal((TicketStatus.Open, (ResolutionKind?)null, 1), (stored.Status, stored.ResolutionKind, stored.Events.Count));
        Assert.Empty(await ToResidentAsync(ticket, "proposed"));
    }

    [Fact]
    public async Task Once_the_resident_accepted_the_resolution_cannot_change_409_and_nothing_is_stored()
    {
        var ticket = await TicketAsync("王阿姨");
        await DecideAsync(ticket.Id, """{"kind":"refund","amount":10}""");
        await AcceptAsync(ticket.Id);

        var response = await admin.PostAsync(Url($"/api/tickets/{ticket.Id}/resolution"), Json("""{"kind":"exchange"}"""));

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("in_progress", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var stored = await StoredAsync(ticket.Id);
        Assert.Equal((TicketStatus.InProgress, ResolutionKind.Refund, (decimal?)10m), (stored.Status, stored.ResolutionKind, stored.RefundAmount));
        Assert.Single(await ToResidentAsync(ticket, "proposed"));
    }

    [Fact]
    public async Task Done_needs_the_residents_acceptance_then_tells_the_resident()
    {
        var ticket = await TicketAsync("王阿姨");
        await (await admin.PostAsync(Url($"/api/tickets/{ticket.Number}/done"), null)).AssertProblemAsync(HttpStatusCode.Conflict);
        await DecideAsync(ticket.Id, """{"kind":"exchange"}""");

        var early = await admin.PostAsync(Url($"/api/tickets/{ticket.Number}/done"), null);

        var problem = await early.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("proposed", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(TicketStatus.Proposed, (await StoredAsync(ticket.Id)).Status);
        Assert.Empty(await ToResidentAsync(ticket, "done"));

        await AcceptAsync(ticket.Id);
        clock.Advance(TimeSpan.FromHours(5));
        var response = await admin.PostAsync(Url($"/api/tickets/{ticket.Number}/done"), null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var detail = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("done", detail.GetProperty("status").GetString());
        Assert.Equal("2026-11-20T15:00:00+08:00", detail.GetProperty("doneAt").GetString());
        var last = detail.GetProperty("history").EnumerateArray().Last();
        Assert.Equal(("done", "ops"), (last.GetProperty("status").GetString(), last.GetProperty("actor").GetString()));
        var stored = await StoredAsync(ticket.Id);
        Assert.Equal((TicketStatus.Done, (DateTimeOffset?)Now.AddHours(5)), (stored.Status, stored.DoneAt));
        Assert.Single(await ToResidentAsync(ticket, "done"));

        await (await admin.PostAsync(Url($"/api/tickets/{ticket.Id}/done"), null)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Single(await ToResidentAsync(ticket, "done"));
    }
}
