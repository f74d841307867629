using System.Net;
using System.Net.Http.Json;
using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Conversations.Ordering;
using GroupBuy.Conversations.Templates;
using GroupBuy.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GroupBuy.BotHost.Tests.Templates;

/// <summary>The embedded default keeps ops' wording too: saved, said, still there after a restart.</summary>
public sealed class TemplateVersionsOnSqliteTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public async Task A_saved_version_survives_a_restart_on_sqlite()
    {
        var message = new CampaignClosedMessage("李叔", "周四鲜果");
        await using (var host = BotHostFactory.OnSqlite(folder))
        {
            var saved = await host.CreateAdminClient().PutAsJsonAsync(new Uri("/api/templates/campaign-closed", UriKind.Relative), new { text = "{{ name }}，【{{ title }}】截单了～" });
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            Assert.Equal("李叔，【周四鲜果】截单了～", await host.Services.GetRequiredService<MessageTemplates>().RenderAsync(message, CancellationToken.None));
        }

        await using var restarted = BotHostFactory.OnSqlite(folder);
        await restarted.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal("李叔，【周四鲜果】截单了～", await restarted.Services.GetRequiredService<MessageTemplates>().RenderAsync(message, CancellationToken.None));
    }

    public void Dispose() => folder.Dispose();
}
