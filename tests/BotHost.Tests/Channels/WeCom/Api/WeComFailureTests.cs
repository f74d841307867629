using System.Net;
using GroupBuy.BotHost.Channels.WeCom.Api;
using Xunit;

namespace GroupBuy.BotHost.Tests.Channels.WeCom.Api;

public sealed class WeComFailureTests : IAsyncLifetime
{
    private const string MessageSend = "/cgi-bin/message/send";
    private const string AppChatSend = "/cgi-bin/appchat/send";
    private const string RobotSend = "/cgi-bin/webhook/send";
    private const string AddTemplate = "/cgi-bin/externalcontact/add_msg_template";
    private const string GetToken = "/cgi-bin/gettoken";
    // Retries wait real back-off delays (see WeComFake); a few seconds in all.
    private readonly WeComFake wecom = new(fakeClock: false);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await wecom.DisposeAsync();

    private static WeComAppMessage Hello() => WeComAppMessage.ToMembers(WeComTextFormat.Text, "到货了", "zhangsan");

    [Fact]
    public async Task Frequency_limit_is_reported_with_a_delay_and_not_retried()
    {
        wecom.IssueTokens();
        wecom.Answer(MessageSend, 45009, "api freq out of limit");

        var failure = await Assert.ThrowsAsync<WeComRateLimitedException>(() => wecom.Client.SendAppMessageAsync(Hello(), CancellationToken.None));

        Assert.Equal(45009, failure.ErrorCode);
        Assert.Equal(TimeSpan.FromSeconds(60), failure.RetryAfter);
        Assert.Single(wecom.Requests(MessageSend));
        Assert.Single(wecom.Requests(GetToken));
    }

    [Fact]
    public async Task Concurrency_limit_is_reported_as_rate_limited()
    {
        wecom.IssueTokens();
        wecom.Answer(MessageSend, 45033, "api concurrent out of limit");

        var failure = await Assert.ThrowsAsync<WeComRateLimitedException>(() => wecom.Client.SendAppMessageAsync(Hello(), CancellationToken.None));

        Assert.True(failure.RetryAfter > TimeSpan.Zero);
        Assert.Single(wecom.Requests(MessageSend));
    }

    [Fact]
    public async Task A_robot_past_its_20_messages_a_minute_is_rate_limited()
    {
        wecom.Answer(RobotSend, 45009, "api freq out of limit");

        var failure = await Assert.ThrowsAsync<WeComRateLimitedException>(() => wecom.Client.SendRobotAsync("robot-key-1", new WeComRobotText("到货了"), CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(60), failure.RetryAfter);
        Assert.Single(wecom.Requests(RobotSend));
    }

    [Fact]
    public async Task Two_5xx_then_success_is_absorbed_by_retries_for_duplicate_checked_sends()
    {
        wecom.IssueTokens();
        wecom.AnswerInTurn(MessageSend, (500, "oops"), (502, "bad gateway"), (200, WeComFake.Reply(0, extra: new { msgid = "m-after-retries" })));

        var result = await wecom.Client.SendAppMessageAsync(Hello(), CancellationToken.None);

        Assert.Equal("m-after-retries", result.MessageId);
        var sends = wecom.Requests(MessageSend);
        Assert.Equal(3, sends.Count);
        // The duplicate check only works if every attempt is the same JSON.
        Assert.Single(sends.Select(s => s.Body).Distinct());
    }

    [Fact]
    public async Task A_retry_waits_out_its_back_off_on_the_pipeline_clock()
    {
        await using var timed = new WeComFake();
        timed.IssueTokens();
        timed.AnswerInTurn(MessageSend, (500, "oops"), (200, WeComFake.Reply(0)));

        var send = timed.Client.SendAppMessageAsync(Hello(), CancellationToken.None);
        for (var i = 0; i < 1000 && !timed.Logs.Entries.Any(e => e.Message.Contains("OnRetry", StringComparison.Ordinal)); i++)
        {
            await Task.Delay(10);
        }

        // The retry is due only once the jittered back-off has passed on the pipeline's clock, which
        // is the container's (fake) clock: nothing is resent while it stands still.
        await Task.Delay(300);
        Assert.False(send.IsCompleted);
        Assert.Single(timed.Requests(MessageSend));

        timed.Time.Advance(WeComResilience.MaxRetryDelay);
        await send.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(2, timed.Requests(MessageSend).Count);
    }

    [Fact]
    public async Task Gettoken_is_retried_through_5xx()
    {
        wecom.AnswerInTurn(GetToken, (503, "busy"), (200, WeComFake.Reply(0, extra: new { access_token = "retried-token", expires_in = 7200 })));
        wecom.Answer(MessageSend);

        await wecom.Client.SendAppMessageAsync(Hello(), CancellationToken.None);

        Assert.Equal(2, wecom.Requests(GetToken).Count);
        Assert.Equal("retried-token", Assert.Single(wecom.Requests(MessageSend)).Query["access_token"]);
    }

    [Fact]
    public async Task Persistent_5xx_surfaces_as_transient_after_a_bounded_number_of_attempts()
    {
        wecom.IssueTokens();
        wecom.AnswerInTurn(MessageSend, (500, "oops"));

        var failure = await Assert.ThrowsAsync<WeComTransientException>(() => wecom.Client.SendAppMessageAsync(Hello(), CancellationToken.None));

        Assert.Equal(HttpStatusCode.InternalServerError, failure.StatusCode);
        Assert.True(failure.MayHaveBeenDelivered);
        Assert.Equal(1 + WeComResilience.MaxRetryAttempts, wecom.Requests(MessageSend).Count);
    }

    [Fact]
    public async Task App_chat_sends_are_not_resent_after_a_5xx()
    {
        wecom.IssueTokens();
        wecom.AnswerInTurn(AppChatSend, (500, "oops"), (200, WeComFake.Reply(0)));

        var failure = await Assert.ThrowsAsync<WeComTransientException>(
            () => wecom.Client.SendAppChatAsync(new WeComAppChatMessage("chat-1", WeComTextFormat.Text, "到货了"), CancellationToken.None));

        Assert.True(failure.MayHaveBeenDelivered);
        Assert.Single(wecom.Requests(AppChatSend));
    }

    [Fact]
    public async Task Robot_sends_are_not_resent_after_a_5xx()
    {
        wecom.AnswerInTurn(RobotSend, (503, "busy"), (200, WeComFake.Reply(0)));

        await Assert.ThrowsAsync<WeComTransientException>(
            () => wecom.Client.SendRobotAsync("robot-key-1", new WeComRobotText("到货了"), CancellationToken.None));

        Assert.Single(wecom.Requests(RobotSend));
    }

    [Fact]
    public async Task Group_message_tasks_are_not_recreated_after_a_5xx()
    {
        wecom.IssueTokens();
        wecom.AnswerInTurn(AddTemplate, (500, "oops"), (200, WeComFake.Reply(0, extra: new { msgid = "t1", fail_list = Array.Empty<string>() })));

        await Assert.ThrowsAsync<WeComTransientException>(
            () => wecom.Client.AddGroupMessageTemplateAsync(new WeComGroupMessageTemplate("leader-1", "今日团购"), CancellationToken.None));

        Assert.Single(wecom.Requests(AddTemplate));
    }

    [Fact]
    public async Task A_send_to_an_unreachable_server_is_retried_because_it_never_left()
    {
        await using var down = new WeComFake(new Dictionary<string, string?> { ["WeCom:ApiBaseUrl"] = $"http://127.0.0.1:{Testing.FreePort.Next()}" }, fakeClock: false);

        var failure = await Assert.ThrowsAsync<WeComTransientException>(() => down.Client.SendRobotAsync("robot-key-1", new WeComRobotText("到货了"), CancellationToken.None));
        Assert.False(failure.MayHaveBeenDelivered);
        // Polly reports each retry; a closed port leaves no request log to count.
        Assert.Equal(WeComResilience.MaxRetryAttempts, down.Logs.Entries.Count(e => e.Message.Contains("OnRetry", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task System_busy_is_transient_and_not_delivered()
    {
        wecom.IssueTokens();
        wecom.Answer(MessageSend, -1, "system busy");

        var failure = await Assert.ThrowsAsync<WeComTransientException>(() => wecom.Client.SendAppMessageAsync(Hello(), CancellationToken.None));

        Assert.Equal(-1, failure.ErrorCode);
        Assert.False(failure.MayHaveBeenDelivered);
    }

    [Fact]
    public async Task Other_errcodes_are_api_errors_carrying_code_and_message()
    {
        wecom.IssueTokens();
        wecom.Answer(AppChatSend, 86003, "chatid not found");

        var failure = await Assert.ThrowsAsync<WeComApiException>(
            () => wecom.Client.SendAppChatAsync(new WeComAppChatMessage("missing-chat", WeComTextFormat.Text, "到货了"), CancellationToken.None));

        Assert.Equal(86003, failure.ErrorCode);
        Assert.Equal("chatid not found", failure.ErrorMessage);
        Assert.Equal("appchat/send", failure.Api);
        Assert.Contains(wecom.Logs.Entries, e => e.Message.Contains("86003", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_untrusted_server_ip_is_a_configuration_problem()
    {
        wecom.IssueTokens();
        wecom.Answer(MessageSend, 60020, "not allow to access from your ip");

        var failure = await Assert.ThrowsAsync<WeComConfigurationException>(() => wecom.Client.SendAppMessageAsync(Hello(), CancellationToken.None));

        Assert.Equal(60020, failure.ErrorCode);
        Assert.Contains("企业可信IP", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_base_url_that_is_not_wecom_names_the_setting()
    {
        wecom.IssueTokens();

        var failure = await Assert.ThrowsAsync<WeComConfigurationException>(() => wecom.Client.SendAppMessageAsync(Hello(), CancellationToken.None));

        Assert.Equal("WeCom:ApiBaseUrl", failure.SettingKey);
    }
}
