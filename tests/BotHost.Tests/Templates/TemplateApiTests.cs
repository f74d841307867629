using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Conversations.Storage;
using GroupBuy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GroupBuy.BotHost.Tests.Templates;

/// <summary>The template API for scripts: what it refuses (at line and column, nothing stored), versions, rollback, reset, and the bot saying the new words.</summary>
public sealed class TemplateApiTests : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private const string Name = "campaign-preview";

    private readonly PostgresDatabase database;
    private BotHostFactory host = null!;
    private HttpClient admin = null!;

    public TemplateApiTests(PostgresDatabase database)
    {
        this.database = database;
    }

    public async Task InitializeAsync()
    {
        // This host answers the API only: a chat scenario's host, which has the bridge, sends and
        // reads the chat, and a second sender without the bridge would fail its messages.
        host = BotHostFactory.OnPostgres(database.ConnectionString, ("Outbox:Workers", "0"), ("Inbox:Workers", "0"));
        admin = host.CreateAdminClient();
        // Each test starts from the shipped defaults.
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
        await db.TemplateVersions.ExecuteDeleteAsync();
        await db.AuditEntries.ExecuteDeleteAsync();
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task The_list_names_every_default_template_and_a_template_offers_its_variables()
    {
        var list = await admin.GetFromJsonAsync<JsonElement>(Url("/api/templates"));
        var names = list.EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToList();
        Assert.Contains(Name, names);
        Assert.Contains("order-ack", names);
        Assert.All(list.EnumerateArray(), t => Assert.Equal(0, t.GetProperty("version").GetInt32()));

        var preview = await admin.GetFromJsonAsync<JsonElement>(Url($"/api/templates/{Name}"));
        Assert.False(preview.GetProperty("edited").GetBoolean());
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Templates, Name + ".sbn")), preview.GetProperty("text").GetString());
        var variables = preview.GetProperty("variables").EnumerateArray().ToDictionary(v => v.GetProperty("name").GetString()!);
        Assert.Contains("pickup_point", variables.Keys);
        var itemFields = variables["items"].GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToList();
        Assert.Contains("item_no", itemFields);
        Assert.Contains("reference_price", itemFields);
        Assert.Contains("one-item-mention-only", preview.GetProperty("samples").EnumerateArray().Select(s => s.GetString()));

        await (await admin.GetAsync(Url("/api/templates/no-such-template"))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await host.CreateAnonymousClient().GetAsync(Url("/api/templates"))).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("【{{ title }}】开团啦\n截单：{{ closes_at + }}", 2, "text (2,")]
    [InlineData("【{{ title }}】开团啦\n自提：{{ pickup_piont }}", 2, "pickup_piont")]
    [InlineData("{{ while true }}刷屏{{ end }}", 1, "text (1,")]
    [InlineData("{{ for i in 1..3000 }}{{ title }}{{ end }}", 1, "text (1,")]
    public async Task A_broken_template_is_refused_at_its_line_and_nothing_is_stored(string text, int line, string detailPart)
    {
        var response = await admin.PutAsJsonAsync(Url($"/api/templates/{Name}"), new { text, note = "试试" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(detailPart, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var first = problem.GetProperty("templateErrors")[0];
        Assert.Equal(line, first.GetProperty("line").GetInt32());
        Assert.True(first.GetProperty("column").GetInt32() >= 1);
        Assert.NotEmpty(problem.GetProperty("errors").GetProperty("text").EnumerateArray());
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>(Url($"/api/templates/{Name}/versions"))).EnumerateArray());
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>(Url($"/api/templates/{Name}"))).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_body_without_text_is_refused_naming_the_field()
    {
        var response = await admin.PutAsJsonAsync(Url($"/api/templates/{Name}"), new { note = "空的" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith("text:", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_saved_version_is_what_the_bot_says_and_rolling_back_and_resetting_keep_the_history()
    {
        var shipped = (await admin.GetFromJsonAsync<JsonElement>(Url($"/api/templates/{Name}"))).GetProperty("text").GetString()!;
        var edited = shipped.Replace("截单：", "最晚下单：", StringComparison.Ordinal);

        var saved = await admin.PutAsJsonAsync(Url($"/api/templates/{Name}"), new { text = edited, note = "说得更清楚", basedOn = 0 });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var v1 = await saved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, v1.GetProperty("version").GetInt32());
        Assert.Equal("api-key", v1.GetProperty("author").GetString());

        // Saved on top of an old version: refused, not overwritten.
        var stale = await admin.PutAsJsonAsync(Url($"/api/templates/{Name}"), new { text = edited + "\n", basedOn = 0 });
        await stale.AssertProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PutAsJsonAsync(Url($"/api/templates/{Name}"), new { text = edited })).AssertProblemAsync(HttpStatusCode.Conflict);

        var second = shipped.Replace("截单：", "截止：", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync(Url($"/api/templates/{Name}"), new { text = second, basedOn = 1 })).StatusCode);
        await using (var scenario = await StartChatAsync())
        {
            await scenario.PublishAsync(new { name = "红富士苹果", price = 12.8, referencePrice = 15.8, category = "生鲜", stock = 50 });
            Assert.Contains("截止：", scenario.Preview, StringComparison.Ordinal);
        }

        var back = await admin.PostAsJsonAsync(Url($"/api/templates/{Name}/rollback"), new { version = 1 });
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        var v3 = await back.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, v3.GetProperty("version").GetInt32());
        Assert.Equal(1, v3.GetProperty("restoredFrom").GetInt32());
        Assert.Equal(edited, (await admin.GetFromJsonAsync<JsonElement>(Url($"/api/templates/{Name}"))).GetProperty("text").GetString());

        var reset = await admin.PostAsJsonAsync(Url($"/api/templates/{Name}/rollback"), new { toDefault = true });
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.True((await reset.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("default").GetBoolean());
        var now = await admin.GetFromJsonAsync<JsonElement>(Url($"/api/templates/{Name}"));
        Assert.False(now.GetProperty("edited").GetBoolean());
        Assert.Equal(shipped, now.GetProperty("text").GetString());

        var versions = (await admin.GetFromJsonAsync<JsonElement>(Url($"/api/templates/{Name}/versions"))).EnumerateArray().ToList();
        Assert.Equal(new[] { 4, 3, 2, 1 }, versions.Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal("说得更清楚", versions[^1].GetProperty("note").GetString());
        await (await admin.PostAsJsonAsync(Url($"/api/templates/{Name}/rollback"), new { version = 9 })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PostAsJsonAsync(Url($"/api/templates/{Name}/rollback"), new { })).AssertProblemAsync(HttpStatusCode.BadRequest);

        await using var scope = host.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>().AuditEntries.Where(e => e.Action.StartsWith("template.")).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(new[] { "template.save", "template.save", "template.rollback", "template.reset" }, audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.Equal("api-key", e.Actor));
    }

    [Fact]
    public async Task A_preview_renders_every_sample_and_stores_nothing()
    {
        var response = await admin.PostAsJsonAsync(Url($"/api/templates/{Name}/preview"), new { text = "{{ title }} 在 {{ pickup_point }} 取货" });

        var preview = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Empty(preview.GetProperty("errors").EnumerateArray());
        var texts = preview.GetProperty("samples").EnumerateArray().Select(s => s.GetProperty("text").GetString()).ToList();
        Assert.Contains("周四鲜果 在 3栋大堂快递柜旁 取货", texts);
        Assert.Contains("东北大米10斤 在 幸福里东门 取货", texts);
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>(Url($"/api/templates/{Name}/versions"))).EnumerateArray());
    }

    private Task<ChatScenario> StartChatAsync() =>
        ChatScenario.StartAsync(settings => BotHostFactory.OnPostgres(database.ConnectionString, settings));

    private static Uri Url(string path) => new(path, UriKind.Relative);
}
