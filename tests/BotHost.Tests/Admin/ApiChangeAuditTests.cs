using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Conversations.Storage;
using GroupBuy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GroupBuy.BotHost.Tests.Admin;

/// <summary>Every change a script makes through the admin API is in the audit trail, once, with the key as its author; refusals and dry runs are not.</summary>
public sealed class ApiChangeAuditTests : IClassFixture<PostgresDatabase>
{
    private readonly PostgresDatabase database;

    public ApiChangeAuditTests(PostgresDatabase database)
    {
        this.database = database;
    }

    [Fact]
    public async Task Changes_through_the_api_are_recorded_once_and_refusals_and_dry_runs_are_not()
    {
        await using var host = BotHostFactory.OnPostgres(database.ConnectionString, ("Outbox:Workers", "0"), ("Inbox:Workers", "0"));
        var admin = host.CreateAdminClient();
        await ClearAsync(host);

        var groupId = await admin.RegisterGroupAsync("room-audit");
        var refused = await admin.PostAsJsonAsync(Url("/api/groups"), new { chatId = "room-x" });
        await refused.AssertProblemAsync(HttpStatusCode.BadRequest);
        var created = await admin.PostAsJsonAsync(Url("/api/campaigns"), new
        {
            title = "周四鲜果",
            chatIds = new[] { "room-audit" },
            closesAt = "2099-01-01T20:00:00+08:00",
            pickupAt = "2099-01-02T17:00:00+08:00",
            pickupPoint = "3栋大堂",
            items = new[] { new { name = "红富士苹果", price = 12.8m, referencePrice = 15.8m, category = "生鲜" } },
        });
        created.EnsureSuccessStatusCode();
        var campaignId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        (await admin.PostAsJsonAsync(Url($"/api/campaigns/{campaignId}/parse"), new { text = "苹果+2", chatId = "room-audit" })).EnsureSuccessStatusCode();
        var template = (await admin.GetFromJsonAsync<JsonElement>(Url("/api/templates/order-ack"))).GetProperty("text").GetString()!;
        (await admin.PutAsJsonAsync(Url("/api/templates/order-ack"), new { text = template + "\n", note = "多一行" })).EnsureSuccessStatusCode();

        await using var scope = host.Services.CreateAsyncScope();
        var entries = await scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>().AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(
            new[]
            {
                ("api-key", "api POST /api/groups", "/api/groups", "201"),
                ("api-key", "api POST /api/campaigns", "/api/campaigns", "201"),
                ("api-key", "template.save", "order-ack", "v1：多一行"),
            },
            entries.Select(e => (e.Actor, e.Action, e.Subject, e.Detail ?? string.Empty)));
        Assert.True(groupId > 0);
    }

    private static async Task ClearAsync(BotHostFactory host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
        await db.AuditEntries.ExecuteDeleteAsync();
    }

    private static Uri Url(string path) => new(path, UriKind.Relative);
}
