using GroupBuy.BotHost.Channels.WeCom.Api;
using Xunit;

namespace GroupBuy.BotHost.Tests.Channels.WeCom.Api;

public sealed class WeComAccessTokenTests : IAsyncLifetime
{
    private const string MessageSend = "/cgi-bin/message/send";
    private const string GetToken = "/cgi-bin/gettoken";
    private readonly WeComFake wecom = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await wecom.DisposeAsync();

    private static WeComAppMessage Hello(int n = 0) => WeComAppMessage.ToMembers(WeComTextFormat.Text, $"截单提醒 {n}", "zhangsan");

    [Fact]
    public async Task Many_sends_share_one_gettoken()
    {
        wecom.IssueTokens();
        wecom.Answer(MessageSend, extra: new { msgid = "m1" });

        for (var i = 0; i < 5; i++)
        {
            await wecom.Client.SendAppMessageAsync(Hello(i), CancellationToken.None);
        }

        Assert.Single(wecom.Requests(GetToken));
        var sends = wecom.Requests(MessageSend);
        Assert.Equal(5, sends.Count);
        Assert.All(sends, s => Assert.Equal(WeComFake.TokenNumber(1), s.Query["access_token"]));
    }

    [Fact]
    public async Task Concurrent_callers_share_one_gettoken_in_flight()
    {
        wecom.IssueTokens(delay: TimeSpan.FromMilliseconds(300));
        wecom.Answer(MessageSend);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => wecom.Client.SendAppMessageAsync(Hello(i), CancellationToken.None)));

        Assert.Single(wecom.Requests(GetToken));
        Assert.Equal(20, wecom.Requests(MessageSend).Count);
    }

    [Fact]
    public async Task The_token_is_refreshed_five_minutes_before_it_expires()
    {
        wecom.IssueTokens(expiresIn: 7200);
        wecom.Answer(MessageSend);

        await wecom.Client.SendAppMessageAsync(Hello(1), CancellationToken.None);
        wecom.Time.Advance(TimeSpan.FromSeconds(7200) - TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        await wecom.Client.SendAppMessageAsync(Hello(2), CancellationToken.None);
        Assert.Single(wecom.Requests(GetToken));

        wecom.Time.Advance(TimeSpan.FromSeconds(2));
        await wecom.Client.SendAppMessageAsync(Hello(3), CancellationToken.None);

        Assert.Equal(2, wecom.Requests(GetToken).Count);
        Assert.Equal(
            [WeComFake.TokenNumber(1), WeComFake.TokenNumber(1), WeComFake.TokenNumber(2)],
            wecom.Requests(MessageSend).Select(s => s.Query["access_token"]));
    }

    [Fact]
    public async Task An_expired_token_answer_fetches_a_new_token_and_sends_once_more()
    {
        wecom.IssueTokens();
        wecom.AnswerInTurn(MessageSend, (200, WeComFake.Reply(42001, "access_token expired")), (200, WeComFake.Reply(0, extra: new { msgid = "m2" })));

        var result = await wecom.Client.SendAppMessageAsync(Hello(), CancellationToken.None);

        Assert.Equal("m2", result.MessageId);
        Assert.Equal(2, wecom.Requests(GetToken).Count);
        Assert.Equal([WeComFake.TokenNumber(1), WeComFake.TokenNumber(2)], wecom.Requests(MessageSend).Select(s => s.Query["access_token"]));
    }

    [Fact]
    public async Task A_second_stale_token_answer_fails_instead_of_looping()
    {
        wecom.IssueTokens();
        wecom.Answer(MessageSend, 42001, "access_token expired");

        var failure = await Assert.ThrowsAsync<WeComApiException>(() => wecom.Client.SendAppMessageAsync(Hello(), CancellationToken.None));

        Assert.Equal(42001, failure.ErrorCode);
        Assert.Equal(2, wecom.Requests(GetToken).Count);
        Assert.Equal(2, wecom.Requests(MessageSend).Count);
    }

    [Fact]
    public async Task An_invalid_token_answer_is_treated_like_an_expired_one()
    {
        wecom.IssueTokens();
        wecom.AnswerInTurn(MessageSend, (200, WeComFake.Reply(40014, "invalid access_token")), (200, WeComFake.Reply(0)));

        await wecom.Client.SendAppMessageAsync(Hello(), CancellationToken.None);

        Assert.Equal(2, wecom.Requests(GetToken).Count);
    }

    [Fact]
    public async Task A_refused_secret_names_the_setting_and_calls_gettoken_once()
    {
        wecom.Answer(GetToken, 40001, "invalid credential");
        wecom.Answer(MessageSend);

        var failure = await Assert.ThrowsAsync<WeComConfigurationException>(() => wecom.Client.SendAppMessageAsync(Hello(1), CancellationToken.None));
        var again = await Assert.ThrowsAsync<WeComConfigurationException>(() => wecom.Client.SendAppMessageAsync(Hello(2), CancellationToken.None));

        Assert.Equal("WeCom:Secret", failure.SettingKey);
        Assert.Equal(40001, failure.ErrorCode);
        Assert.Contains("WeCom:Secret", failure.Message, StringComparison.Ordinal);
        Assert.Equal("WeCom:Secret", again.SettingKey);
        Assert.Single(wecom.Requests(GetToken));
        Assert.Empty(wecom.Requests(MessageSend));
    }

    [Fact]
    public async Task A_refused_secret_is_asked_again_only_after_the_hold()
    {
        wecom.Answer(GetToken, 40091, "secret is invalid");

        await Assert.ThrowsAsync<WeComConfigurationException>(() => wecom.Client.SendAppMessageAsync(Hello(1), CancellationToken.None));
        wecom.Time.Advance(WeComAccessTokens.ConfigurationFailureHold - TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<WeComConfigurationException>(() => wecom.Client.SendAppMessageAsync(Hello(2), CancellationToken.None));
        Assert.Single(wecom.Requests(GetToken));

        wecom.Time.Advance(TimeSpan.FromSeconds(2));
        await Assert.ThrowsAsync<WeComConfigurationException>(() => wecom.Client.SendAppMessageAsync(Hello(3), CancellationToken.None));
        Assert.Equal(2, wecom.Requests(GetToken).Count);
    }

    [Fact]
    public async Task A_refused_corp_id_names_its_setting()
    {
        wecom.Answer(GetToken, 40013, "invalid corpid");

        var failure = await Assert.ThrowsAsync<WeComConfigurationException>(() => wecom.Client.SendAppMessageAsync(Hello(), CancellationToken.None));

        Assert.Equal("WeCom:CorpId", failure.SettingKey);
        Assert.Single(wecom.Requests(GetToken));
    }

    [Fact]
    public async Task Missing_settings_fail_without_calling_wecom()
    {
        await using var unset = new WeComFake(new Dictionary<string, string?> { ["WeCom:Secret"] = "" });

        var failure = await Assert.ThrowsAsync<WeComConfigurationException>(() => unset.Client.SendAppMessageAsync(Hello(), CancellationToken.None));

        Assert.Equal("WeCom:Secret", failure.SettingKey);
        Assert.Empty(unset.Server.LogEntries);
    }
}
