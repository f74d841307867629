using System.Net;
using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Conversations.Storage;
using GroupBuy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GroupBuy.BotHost.Tests.Templates;

/// <summary>The console's template editor through the real host: errors at their line, previews, saving with who saved, and two editors at once.</summary>
public sealed class TemplateEditorTests : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private const string Page = "/console/templates/campaign-closed";

    private readonly PostgresDatabase database;
    private BotHostFactory host = null!;

    public TemplateEditorTests(PostgresDatabase database)
    {
        this.database = database;
    }

    public async Task InitializeAsync()
    {
        host = BotHostFactory.OnPostgres(database.ConnectionString);
        await host.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>().TemplateVersions.ExecuteDeleteAsync();
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task The_editor_shows_the_text_its_variables_and_every_sample()
    {
        var ops = await ConsoleSession.SignInAsync(host, "viewer-of-editor");

        var html = await ops.GetPageAsync("/console/templates/campaign-preview");

        Assert.Contains("【{{ title }}】开团啦", html, StringComparison.Ordinal);
        Assert.Contains("<code>item_no</code>", html, StringComparison.Ordinal);
        Assert.Contains("示例：one-item-mention-only（只听 @ 的群", html, StringComparison.Ordinal);
        Assert.Contains("下单直接回复：@团购助手 +1", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("【周四鲜果】开团啦～", html, StringComparison.Ordinal);
        Assert.Contains("默认模板", html, StringComparison.Ordinal);
        var list = await ops.GetPageAsync("/console/templates");
        Assert.Contains("开团预览", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_variable_is_shown_at_its_line_and_a_live_preview_is_a_fragment()
    {
        var ops = await ConsoleSession.SignInAsync(host, "previewer");

        var preview = await ops.PostFormAsync(Page, new() { ["Text"] = "{{ name }}，\n【{{ titel }}】截单了", ["BasedOn"] = "0" }, Page + "?handler=preview");
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Matches("第 2 行，第 [45] 列", html);
        Assert.Contains("没有叫 titel 的变量", html, StringComparison.Ordinal);
        Assert.Contains("2 | 【{{ titel }}】截单了", html, StringComparison.Ordinal);

        var live = await ops.PostFormAsync(Page, new() { ["Text"] = "{{ name }}，<b>【{{ title }}】</b>截单了", ["BasedOn"] = "0" }, Page + "?handler=livepreview");
        var fragment = await live.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<html", fragment, StringComparison.Ordinal);
        // What ops type is shown as text, never run as HTML.
        Assert.Contains("李叔，&lt;b&gt;【周四鲜果】&lt;/b&gt;截单了", fragment, StringComparison.Ordinal);
        Assert.Contains("检查通过", fragment, StringComparison.Ordinal);
        await AssertNoVersionsAsync();
    }

    [Fact]
    public async Task Saving_records_who_saved_and_a_second_editor_cannot_overwrite_it_unseen()
    {
        var lina = await ConsoleSession.SignInAsync(host, "lina");
        var zhao = await ConsoleSession.SignInAsync(host, "zhao");
        await zhao.GetPageAsync(Page);

        var saved = await lina.PostFormAsync(Page, new() { ["Text"] = "{{ name }}，【{{ title }}】截单啦，下次早点来～", ["Note"] = "短一点", ["BasedOn"] = "0" }, Page + "?handler=save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await lina.GetPageAsync(Page);
        Assert.Contains("已保存为 v1", after, StringComparison.Ordinal);
        Assert.Contains("lina", after, StringComparison.Ordinal);
        Assert.Contains("短一点", after, StringComparison.Ordinal);

        // Zhao's editor was opened on the default (BasedOn 0): refused and shown what changed.
        var late = await zhao.PostFormAsync(Page, new() { ["Text"] = "{{ name }}，截单了", ["BasedOn"] = "0" }, Page + "?handler=save");
        var html = await late.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("保存前有人改了这个模板（现在是 v1）", html, StringComparison.Ordinal);

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
        var version = await db.TemplateVersions.SingleAsync();
        Assert.Equal(("lina", "短一点"), (version.Author, version.Note));
        Assert.Contains(await db.AuditEntries.Where(e => e.Action == "template.save").ToListAsync(), e => e.Actor == "lina" && e.Subject == "campaign-closed");
    }

    [Fact]
    public async Task An_endless_loop_is_refused_at_save_and_never_stored()
    {
        var ops = await ConsoleSession.SignInAsync(host, "looper");

        var response = await ops.PostFormAsync(Page, new() { ["Text"] = "{{ while true }}{{ name }}{{ end }}", ["BasedOn"] = "0" }, Page + "?handler=save");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("没有保存", html, StringComparison.Ordinal);
        Assert.Contains("第 1 行", html, StringComparison.Ordinal);
        await AssertNoVersionsAsync();
    }

    private async Task AssertNoVersionsAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>().TemplateVersions.AnyAsync());
    }
}
