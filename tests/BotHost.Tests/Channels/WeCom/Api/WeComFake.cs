using System.Text.Json;
using GroupBuy.BotHost.Channels.WeCom.Api;
using GroupBuy.BotHost.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace GroupBuy.BotHost.Tests.Channels.WeCom.Api;

/// <summary>
/// WeCom's server played by WireMock over real HTTP, and our WeCom API composed exactly as the host
/// composes it (<c>AddWeComApi</c>), with captured logs and, by default, a fake clock.
/// </summary>
/// <remarks>
/// The resilience pipeline takes its clock from the container too, so with the fake clock its
/// back-off delays and timeouts only pass when a test advances time. Tests of retries therefore run
/// on the system clock (<c>fakeClock: false</c>): moving a fake clock while a real HTTP exchange is in
/// flight would fire the pipeline's attempt timeout at random.
/// </remarks>
internal sealed class WeComFake : IAsyncDisposable
{
    public const string CorpId = "ww-corp-0001";
    public const string Secret = "CORP-SECRET-5f2e9a";
    public const int AgentId = 1000002;

    private readonly ServiceProvider services;
    private int tokensIssued;

    public WeComFake(IDictionary<string, string?>? settings = null, bool fakeClock = true)
    {
        Server = WireMockServer.Start();
        var configuration = new Dictionary<string, string?>
        {
            ["WeCom:CorpId"] = CorpId,
            ["WeCom:Token"] = "callback-token",
            ["WeCom:EncodingAesKey"] = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
            ["WeCom:AgentId"] = AgentId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["WeCom:Secret"] = Secret,
            ["WeCom:ApiBaseUrl"] = Server.Url,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var collection = new ServiceCollection();
        collection.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build());
        collection.AddSingleton(fakeClock ? Time : TimeProvider.System);
        collection.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        collection.AddWeComApi();
        services = collection.BuildServiceProvider();
    }

    public WireMockServer Server { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.FromHours(8)));

    public CapturedLogs Logs { get; } = new();

    public WeComApiClient Client => services.GetRequiredService<WeComApiClient>();

    /// <summary>The access token the n-th gettoken call hands out (1-based).</summary>
    public static string TokenNumber(int n) => $"ACCESS-TOKEN-{n:D3}-9c41d7";

    /// <summary>gettoken hands out a new token on every call, valid for <paramref name="expiresIn"/> seconds.</summary>
    public void IssueTokens(int expiresIn = 7200, TimeSpan? delay = null)
    {
        var response = Response.Create()
            .WithStatusCode(200)
            .WithBodyAsJson(_ => new { errcode = 0, errmsg = "ok", access_token = TokenNumber(Interlocked.Increment(ref tokensIssued)), expires_in = expiresIn });
        if (delay is { } wait)
        {
            response = response.WithDelay(wait);
        }

        Server.Given(Request.Create().WithPath("/cgi-bin/gettoken").WithParam("corpid", CorpId).WithParam("corpsecret", Secret).UsingGet())
            .RespondWith(response);
    }

    /// <summary>An API answers with this errcode (and these extra fields) on every call.</summary>
    public void Answer(string path, int errcode = 0, string errmsg = "ok", object? extra = null)
    {
        Server.Given(Request.Create().WithPath(path).UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(Reply(errcode, errmsg, extra)));
    }

    /// <summary>An API answers each call in turn with the next of these (status, body); the last repeats.</summary>
    public void AnswerInTurn(string path, params (int Status, string Body)[] answers) => Server.AnswerInTurn(path, answers);

    public static string Reply(int errcode, string errmsg = "ok", object? extra = null)
    {
        var body = new Dictionary<string, object?> { ["errcode"] = errcode, ["errmsg"] = errmsg };
        if (extra is not null)
        {
            foreach (var property in JsonSerializer.SerializeToElement(extra).EnumerateObject())
            {
                body[property.Name] = property.Value;
            }
        }

        return JsonSerializer.Serialize(body);
    }

    /// <summary>The requests WeCom received on one path, oldest first.</summary>
    public IReadOnlyList<Received> Requests(string path) =>
        [.. Server.LogEntries
            .Where(e => e.RequestMessage.Path == path)
            .OrderBy(e => e.RequestMessage.DateTime)
            .Select(e => new Received(
                e.RequestMessage.Query?.ToDictionary(q => q.Key, q => q.Value.ToString() ?? string.Empty) ?? [],
                e.RequestMessage.Body))];

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        Server.Stop();
        Server.Dispose();
    }

    public sealed record Received(IReadOnlyDictionary<string, string> Query, string? Body)
    {
        public JsonElement Json => JsonDocument.Parse(Body ?? "null").RootElement.Clone();
    }
}
