using System.Net;
using System.Text.RegularExpressions;
using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Conversations.Ops;
using GroupBuy.Testing;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace GroupBuy.BotHost.Tests.Console;

/// <summary>Who gets into the console, and how: named accounts, one-time passwords, roles, limits, tokens.</summary>
public sealed partial class ConsoleSignInTests : IClassFixture<PostgresDatabase>
{
    private readonly PostgresDatabase database;

    public ConsoleSignInTests(PostgresDatabase database)
    {
        this.database = database;
    }

    [Fact]
    public async Task Every_console_page_sends_a_stranger_to_sign_in()
    {
        await using var host = BotHostFactory.OnPostgres(database.ConnectionString);
        var client = ConsoleSession.Anonymous(host);
        var pages = host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(p => !p.StartsWith("/console/account/login", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        Assert.True(pages.Count >= 3, $"Only {pages.Count} console pages were found.");

        foreach (var page in pages)
        {
            var path = Regex.Replace(page, "\\{[^}]+\\}", "1");
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{path} answered {(int)response.StatusCode} to a stranger.");
            Assert.StartsWith("/console/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            Assert.True(path.StartsWith("/console", StringComparison.Ordinal), $"{path} is outside /console.");
        }
    }

    [Fact]
    public async Task The_first_start_creates_an_account_says_its_password_once_and_asks_for_a_new_one()
    {
        var logs = new LogCapture();
        await using var host = BotHostFactory.OnPostgres(database.ConnectionString).WithServices(s => s.AddSingleton<ILoggerProvider>(logs));
        var client = ConsoleSession.Anonymous(host);
        await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        var said = logs.Lines.Where(l => l.Contains("one-time password", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(said);
        var password = OneTimePassword().Match(line).Groups[1].Value;
        Assert.Equal(16, password.Length);

        var form = new ConsoleSession(client);
        var signIn = await form.PostFormAsync("/console/account/login", new() { ["UserName"] = "admin", ["Password"] = password });
        Assert.Equal("/console/account/password", signIn.Headers.Location?.OriginalString);

        // Until a password of their own is chosen, every page leads back to choosing it.
        var today = await client.GetAsync(new Uri("/console", UriKind.Relative));
        Assert.Equal("/console/account/password", today.Headers.Location?.OriginalString);

        var tooShort = await form.PostFormAsync("/console/account/password", new() { ["Current"] = password, ["New"] = "short", ["Repeat"] = "short" });
        Assert.Contains("密码至少 10 位", await tooShort.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var changed = await form.PostFormAsync("/console/account/password", new() { ["Current"] = password, ["New"] = "my-own-password-42", ["Repeat"] = "my-own-password-42" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/console", UriKind.Relative))).StatusCode);

        // The one-time password is spent; the new one works; a second start creates nothing.
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInWithAsync(host, "admin", password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInWithAsync(host, "admin", "my-own-password-42")).StatusCode);
        var second = new LogCapture();
        await using var again = BotHostFactory.OnPostgres(database.ConnectionString).WithServices(s => s.AddSingleton<ILoggerProvider>(second));
        await again.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.DoesNotContain(second.Lines, l => l.Contains("one-time password", StringComparison.Ordinal));
        Assert.DoesNotContain(second.Lines.Concat(logs.Lines), l => l.Contains("my-own-password-42", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_repeated_attempts_are_slowed_down()
    {
        await using var host = BotHostFactory.OnPostgres(database.ConnectionString);
        await ConsoleSession.CreateAccountAsync(host, "zhao");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            statuses.Add((await SignInWithAsync(host, "zhao", "wrong-password-" + i)).StatusCode);
        }

        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);

        // Even the right password waits out the limit.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignInWithAsync(host, "zhao", ConsoleSession.Password)).StatusCode);
    }

    [Fact]
    public async Task A_viewer_may_look_but_not_change()
    {
        await using var host = BotHostFactory.OnPostgres(database.ConnectionString);
        var viewer = await ConsoleSession.SignInAsync(host, "guest", OpsRole.Viewer);

        await viewer.GetPageAsync("/console");
        var editor = await viewer.GetPageAsync("/console/templates/campaign-preview");
        Assert.Contains("查看账号只能浏览", editor, StringComparison.Ordinal);
        var save = await viewer.PostFormAsync("/console/templates/campaign-preview", new() { ["Text"] = "开团啦", ["Note"] = "x" }, "/console/templates/campaign-preview?handler=save");
        Assert.Equal(HttpStatusCode.Forbidden, save.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.Client.GetAsync(new Uri("/hangfire", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_form_posted_without_its_token_is_refused()
    {
        await using var host = BotHostFactory.OnPostgres(database.ConnectionString);
        var session = await ConsoleSession.SignInAsync(host, "wang");

        var response = await session.Client.PostAsync(
            new Uri("/console/account/password", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Current"] = ConsoleSession.Password, ["New"] = "another-password-1", ["Repeat"] = "another-password-1" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInWithAsync(host, "wang", ConsoleSession.Password)).StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_and_an_ops_account_opens_the_jobs_dashboard()
    {
        await using var host = BotHostFactory.OnPostgres(database.ConnectionString);
        var session = await ConsoleSession.SignInAsync(host, "chen");
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync(new Uri("/hangfire", UriKind.Relative))).StatusCode);

        // The console cookie is for people: the admin API still wants its key.
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.Client.GetAsync(new Uri("/api/groups", UriKind.Relative))).StatusCode);

        var signOut = await session.PostFormAsync("/console", [], "/console/account/logout");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var after = await session.Client.GetAsync(new Uri("/console", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/console/account/login", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_never_sends_anyone_to_another_site()
    {
        await using var host = BotHostFactory.OnPostgres(database.ConnectionString);
        await ConsoleSession.CreateAccountAsync(host, "liu");
        var client = ConsoleSession.Anonymous(host);

        var response = await new ConsoleSession(client).PostFormAsync(
            "/console/account/login?returnUrl=%2F%2Fevil.example%2Fsteal",
            new() { ["UserName"] = "liu", ["Password"] = ConsoleSession.Password, ["ReturnUrl"] = "//evil.example/steal" });

        Assert.Equal("/console", response.Headers.Location?.OriginalString);
        var old = await client.GetAsync(new Uri("/login", UriKind.Relative));
        Assert.StartsWith("/console/account/login", old.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> SignInWithAsync(BotHostFactory host, string userName, string password) =>
        new ConsoleSession(ConsoleSession.Anonymous(host)).PostFormAsync("/console/account/login", new() { ["UserName"] = userName, ["Password"] = password });

    [GeneratedRegex("one-time password ([A-Za-z0-9]+)")]
    private static partial Regex OneTimePassword();
}
