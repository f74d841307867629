using System.Net;
using System.Text.RegularExpressions;
using GroupBuy.BotHost.Console;
using GroupBuy.Conversations.Ops;
using GroupBuy.Conversations.Storage;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GroupBuy.BotHost.Tests.Support;

/// <summary>
/// A person using the console through the real host: an account, a signed-in cookie, forms posted
/// with the antiforgery token the page gave, as a browser does.
/// </summary>
public sealed partial class ConsoleSession
{
    public const string Password = "correct-horse-battery";

    public ConsoleSession(HttpClient client, string userName = "")
    {
        Client = client;
        UserName = userName;
    }

    public HttpClient Client { get; }

    public string UserName { get; }

    /// <summary>Creates the account (its own password already chosen) in the host's database.</summary>
    public static async Task CreateAccountAsync(BotHostFactory host, string userName, string role = OpsRole.Ops, string password = Password)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<OpsAccounts>();
        var account = accounts.Add(userName, userName == "lina" ? "李娜" : userName, role, OpsAccounts.NewOneTimePassword());
        accounts.ChangePassword(account, password);
        await scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>().SaveChangesAsync();
    }

    /// <summary>A new account signed in through the sign-in form.</summary>
    public static async Task<ConsoleSession> SignInAsync(BotHostFactory host, string userName = "lina", string role = OpsRole.Ops)
    {
        await CreateAccountAsync(host, userName, role);
        var session = new ConsoleSession(Anonymous(host), userName);
        var response = await session.PostFormAsync("/console/account/login", new() { ["UserName"] = userName, ["Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return session;
    }

    /// <summary>A cookie-keeping client that follows no redirects, signed in as nobody.</summary>
    public static HttpClient Anonymous(BotHostFactory host) =>
        host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>The page's HTML; fails unless it answered 200.</summary>
    public async Task<string> GetPageAsync(string path)
    {
        var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}: {html[..Math.Min(html.Length, 500)]}");
        return html;
    }

    /// <summary>Opens <paramref name="pagePath"/> for its antiforgery token, then posts the fields to <paramref name="action"/> (the page itself by default, "?handler=x" allowed).</summary>
    public Task<HttpResponseMessage> PostFormAsync(string pagePath, Dictionary<string, string> fields, string? action = null) =>
        PostFormAsync(pagePath, (IEnumerable<KeyValuePair<string, string>>)fields, action);

    /// <summary>As above, with repeated names allowed (checkboxes: several <c>ChatIds</c>).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string pagePath, IEnumerable<KeyValuePair<string, string>> fields, string? action = null)
    {
        var page = await Client.GetAsync(new Uri(pagePath, UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        var token = TokenPattern().Match(html);
        Assert.True(token.Success, $"{pagePath} has no form with an antiforgery token.");
        List<KeyValuePair<string, string>> form = [.. fields, new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value))];
        return await Client.PostAsync(new Uri(action ?? pagePath, UriKind.Relative), new FormUrlEncodedContent(form));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
