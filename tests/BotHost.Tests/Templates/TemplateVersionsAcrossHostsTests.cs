using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Templates;
using GroupBuy.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GroupBuy.BotHost.Tests.Templates;

/// <summary>
/// A version saved on one host is what every host sharing the PostgreSQL database says, without a
/// restart, and it is still there after one.
/// </summary>
public sealed class TemplateVersionsAcrossHostsTests : IClassFixture<PostgresDatabase>
{
    private readonly PostgresDatabase database;

    public TemplateVersionsAcrossHostsTests(PostgresDatabase database)
    {
        this.database = database;
    }

    [Fact]
    public async Task A_version_saved_on_one_host_reaches_the_other_without_a_restart_and_survives_one()
    {
        var sample = (CampaignPreview)TemplateSamples.For("campaign-preview")[0].Model;
        await using var first = BotHostFactory.OnPostgres(database.ConnectionString, ("Templates:RefreshSeconds", "0.5"));
        await using var second = BotHostFactory.OnPostgres(database.ConnectionString, ("Templates:RefreshSeconds", "0.5"));
        var before = await RenderAsync(second, sample);
        Assert.Contains("开团啦", before, StringComparison.Ordinal);

        var text = (await first.CreateAdminClient().GetFromJsonAsync<JsonElement>(new Uri("/api/templates/campaign-preview", UriKind.Relative))).GetProperty("text").GetString()!;
        var saved = await first.CreateAdminClient().PutAsJsonAsync(
            new Uri("/api/templates/campaign-preview", UriKind.Relative),
            new { text = text.Replace("开团啦", "新品上架", StringComparison.Ordinal), note = "双十二" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        // The saving host says it at once; the other within its refresh interval.
        Assert.Contains("新品上架", await RenderAsync(first, sample), StringComparison.Ordinal);
        Assert.Contains("新品上架", await EventuallyAsync(second, sample, "新品上架"), StringComparison.Ordinal);

        await first.DisposeAsync();
        await second.DisposeAsync();

        // A host started afterwards says it from its first message on.
        await using var restarted = BotHostFactory.OnPostgres(database.ConnectionString);
        Assert.Contains("新品上架", await RenderAsync(restarted, sample), StringComparison.Ordinal);
        var versions = await restarted.CreateAdminClient().GetFromJsonAsync<JsonElement>(new Uri("/api/templates/campaign-preview/versions", UriKind.Relative));
        var only = Assert.Single(versions.EnumerateArray());
        Assert.Equal("双十二", only.GetProperty("note").GetString());
    }

    private static async Task<string> RenderAsync(BotHostFactory host, CampaignPreview model)
    {
        // Any request starts the host (and its start-up read of the versions).
        await host.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));
        return await host.Services.GetRequiredService<MessageTemplates>().RenderAsync(model, CancellationToken.None);
    }

    private static async Task<string> EventuallyAsync(BotHostFactory host, CampaignPreview model, string expected)
    {
        var said = string.Empty;
        for (var i = 0; i < 200 && !said.Contains(expected, StringComparison.Ordinal); i++)
        {
            await Task.Delay(50);
            said = await RenderAsync(host, model);
        }

        return said;
    }
}
