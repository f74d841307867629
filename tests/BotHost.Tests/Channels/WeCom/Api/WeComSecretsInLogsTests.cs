using GroupBuy.BotHost.Channels.WeCom.Api;
using Xunit;

namespace GroupBuy.BotHost.Tests.Channels.WeCom.Api;

/// <summary>
/// The corp secret, access tokens and robot keys travel in request URIs; none of them may reach a
/// log (ours, HttpClient's or Polly's, at any level) or an exception the caller might log.
/// </summary>
public sealed class WeComSecretsInLogsTests : IAsyncLifetime
{
    private const string RobotKey = "ROBOT-KEY-3b7f0c2e-a91d";
    private readonly WeComFake wecom = new(fakeClock: false);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await wecom.DisposeAsync();

    [Fact]
    public async Task Secrets_tokens_and_robot_keys_never_reach_logs_or_exceptions()
    {
        wecom.IssueTokens();
        wecom.AnswerInTurn(
            "/cgi-bin/message/send",
            (200, WeComFake.Reply(42001, "access_token expired")),
            (500, "oops"),
            (200, WeComFake.Reply(0)),
            (200, WeComFake.Reply(45009, "api freq out of limit")));
        wecom.AnswerInTurn("/cgi-bin/webhook/send", (200, WeComFake.Reply(0)), (503, "busy"), (200, WeComFake.Reply(93000, "invalid webhook url")));
        var failures = new List<Exception>();
        var message = WeComAppMessage.ToMembers(WeComTextFormat.Text, "到货了", "zhangsan");

        async Task RunAsync(Func<Task> call)
        {
            try
            {
                await call();
            }
            catch (WeComException ex)
            {
                failures.Add(ex);
            }
        }

        await RunAsync(() => wecom.Client.SendAppMessageAsync(message, CancellationToken.None));
        await RunAsync(() => wecom.Client.SendAppMessageAsync(message, CancellationToken.None));
        await RunAsync(() => wecom.Client.SendRobotAsync(RobotKey, new WeComRobotText("到货了"), CancellationToken.None));
        await RunAsync(() => wecom.Client.SendRobotAsync(RobotKey, new WeComRobotText("到货了"), CancellationToken.None));
        await RunAsync(() => wecom.Client.SendRobotAsync(RobotKey, new WeComRobotText("到货了"), CancellationToken.None));

        // The scenario really ran: stale token refreshed, a retried 5xx, a rate limit, a refused robot key.
        Assert.Equal(2, wecom.Requests("/cgi-bin/gettoken").Count);
        Assert.Equal(4, wecom.Requests("/cgi-bin/message/send").Count);
        Assert.Contains(failures, f => f is WeComRateLimitedException);
        Assert.Contains(failures, f => f is WeComTransientException);
        Assert.Contains(failures, f => f is WeComApiException { ErrorCode: 93000 });

        var logged = wecom.Logs.AllText();
        Assert.Contains("45009", logged, StringComparison.Ordinal);
        Assert.Contains("93000", logged, StringComparison.Ordinal);
        Assert.Contains("webhook/send answered HTTP 503", logged, StringComparison.Ordinal);
        Assert.Contains("OnRetry", logged, StringComparison.Ordinal); // the pipeline's own logs are captured too
        string[] secrets = [WeComFake.Secret, WeComFake.TokenNumber(1), WeComFake.TokenNumber(2), RobotKey];
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, logged, StringComparison.Ordinal);
            Assert.All(failures, f => Assert.DoesNotContain(secret, f.ToString(), StringComparison.Ordinal));
        }
    }
}
