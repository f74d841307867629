using System.Text.Json;
using GroupBuy.BotHost.Channels.WeCom.Api;
using Xunit;

namespace GroupBuy.BotHost.Tests.Channels.WeCom.Api;

/// <summary>What reaches WeCom is the JSON its API pages document, read back from WireMock's request log.</summary>
public sealed class WeComRequestBodyTests : IAsyncLifetime
{
    private readonly WeComFake wecom = new();

    public Task InitializeAsync()
    {
        wecom.IssueTokens();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await wecom.DisposeAsync();

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    [Fact]
    public async Task App_message_has_agentid_msgtype_and_the_duplicate_check()
    {
        wecom.Answer("/cgi-bin/message/send", extra: new { msgid = "msg-1", invaliduser = "ghost1|ghost2", invalidparty = "" });

        var result = await wecom.Client.SendAppMessageAsync(
            new WeComAppMessage(["zhangsan", "lisi"], ["7"], WeComTextFormat.Text, "3号楼今日截单，请在18:00前接龙"),
            CancellationToken.None);

        var sent = Assert.Single(wecom.Requests("/cgi-bin/message/send"));
        var body = sent.Json;
        Assert.Equal("zhangsan|lisi", body.GetProperty("touser").GetString());
        Assert.Equal("7", body.GetProperty("toparty").GetString());
        Assert.Equal("text", body.GetProperty("msgtype").GetString());
        Assert.Equal(WeComFake.AgentId, body.GetProperty("agentid").GetInt32());
        Assert.Equal("3号楼今日截单，请在18:00前接龙", body.GetProperty("text").GetProperty("content").GetString());
        Assert.Equal(1, body.GetProperty("enable_duplicate_check").GetInt32());
        Assert.Equal(1800, body.GetProperty("duplicate_check_interval").GetInt32());
        // Chinese goes out as UTF-8, not \u escapes (WeCom refuses those in places, errcode 40033).
        Assert.Contains("截单", sent.Body, StringComparison.Ordinal);
        Assert.Equal("msg-1", result.MessageId);
        Assert.Equal(["ghost1", "ghost2"], result.InvalidUsers);
        Assert.Empty(result.InvalidParties);
    }

    [Fact]
    public async Task App_message_in_markdown_puts_content_under_markdown()
    {
        wecom.Answer("/cgi-bin/message/send");

        await wecom.Client.SendAppMessageAsync(
            WeComAppMessage.ToMembers(WeComTextFormat.Markdown, "**汇总**: 12 单", "zhangsan") with { DuplicateCheckInterval = TimeSpan.FromHours(1) },
            CancellationToken.None);

        var body = Assert.Single(wecom.Requests("/cgi-bin/message/send")).Json;
        Assert.Equal("markdown", body.GetProperty("msgtype").GetString());
        Assert.Equal("**汇总**: 12 单", body.GetProperty("markdown").GetProperty("content").GetString());
        Assert.False(body.TryGetProperty("toparty", out _));
        Assert.Equal(3600, body.GetProperty("duplicate_check_interval").GetInt32());
    }

    [Fact]
    public async Task App_chat_message_names_the_chat()
    {
        wecom.Answer("/cgi-bin/appchat/send");

        await wecom.Client.SendAppChatAsync(new WeComAppChatMessage("ops-room-1", WeComTextFormat.Text, "今日订单已导出"), CancellationToken.None);

        var sent = Assert.Single(wecom.Requests("/cgi-bin/appchat/send"));
        Assert.Equal(WeComFake.TokenNumber(1), sent.Query["access_token"]);
        var body = sent.Json;
        Assert.Equal("ops-room-1", body.GetProperty("chatid").GetString());
        Assert.Equal("text", body.GetProperty("msgtype").GetString());
        Assert.Equal("今日订单已导出", body.GetProperty("text").GetProperty("content").GetString());
    }

    [Fact]
    public async Task Robot_text_mentions_by_userid_and_mobile_without_an_access_token()
    {
        wecom.Answer("/cgi-bin/webhook/send");

        await wecom.Client.SendRobotAsync(
            "robot-key-7",
            new WeComRobotText("苹果到货了，请到3号楼取货") { MentionedUserIds = ["zhangsan", "@all"], MentionedMobiles = ["13800001111"] },
            CancellationToken.None);

        var sent = Assert.Single(wecom.Requests("/cgi-bin/webhook/send"));
        Assert.Equal("robot-key-7", sent.Query["key"]);
        Assert.False(sent.Query.ContainsKey("access_token"));
        Assert.Empty(wecom.Requests("/cgi-bin/gettoken"));
        var body = sent.Json;
        Assert.Equal("text", body.GetProperty("msgtype").GetString());
        var text = body.GetProperty("text");
        Assert.Equal("苹果到货了，请到3号楼取货", text.GetProperty("content").GetString());
        Assert.Equal(["zhangsan", "@all"], Strings(text.GetProperty("mentioned_list")));
        Assert.Equal(["13800001111"], Strings(text.GetProperty("mentioned_mobile_list")));
    }

    [Fact]
    public async Task Robot_markdown_and_news_follow_the_documented_shapes()
    {
        wecom.Answer("/cgi-bin/webhook/send");

        await wecom.Client.SendRobotAsync("robot-key-7", new WeComRobotMarkdown("# 今日团购\n> 截单 <font color=\"warning\">18:00</font>"), CancellationToken.None);
        await wecom.Client.SendRobotAsync(
            "robot-key-7",
            new WeComRobotNews([new WeComRobotArticle("今日团购", new Uri("https://example.com/offer/1")) { Description = "苹果 5 元/斤", PictureUrl = new Uri("https://example.com/p.png") }]),
            CancellationToken.None);

        var sent = wecom.Requests("/cgi-bin/webhook/send");
        var markdown = sent[0].Json;
        Assert.Equal("markdown", markdown.GetProperty("msgtype").GetString());
        Assert.StartsWith("# 今日团购", markdown.GetProperty("markdown").GetProperty("content").GetString(), StringComparison.Ordinal);
        var news = sent[1].Json;
        Assert.Equal("news", news.GetProperty("msgtype").GetString());
        var article = Assert.Single(news.GetProperty("news").GetProperty("articles").EnumerateArray());
        Assert.Equal("今日团购", article.GetProperty("title").GetString());
        Assert.Equal("苹果 5 元/斤", article.GetProperty("description").GetString());
        Assert.Equal("https://example.com/offer/1", article.GetProperty("url").GetString());
        Assert.Equal("https://example.com/p.png", article.GetProperty("picurl").GetString());
    }

    [Fact]
    public async Task Group_message_task_goes_to_customer_groups_from_the_leader()
    {
        wecom.Answer("/cgi-bin/externalcontact/add_msg_template", extra: new { msgid = "msgGAAAA", fail_list = new[] { "wr-gone" } });

        var result = await wecom.Client.AddGroupMessageTemplateAsync(
            new WeComGroupMessageTemplate("leader-zhang", "今日团购：1号 苹果 5元/斤，回复“1号+2”下单")
            {
                ChatIds = ["wr-building-3", "wr-gone"],
                Attachments =
                [
                    new WeComImageAttachment { MediaId = "MEDIA_1" },
                    new WeComLinkAttachment("今日团购", new Uri("https://example.com/offer/1")) { Description = "18:00 截单" },
                ],
            },
            CancellationToken.None);

        var body = Assert.Single(wecom.Requests("/cgi-bin/externalcontact/add_msg_template")).Json;
        Assert.Equal("group", body.GetProperty("chat_type").GetString());
        Assert.Equal("leader-zhang", body.GetProperty("sender").GetString());
        Assert.Equal(["wr-building-3", "wr-gone"], Strings(body.GetProperty("chat_id_list")));
        Assert.Equal("今日团购：1号 苹果 5元/斤，回复“1号+2”下单", body.GetProperty("text").GetProperty("content").GetString());
        var attachments = body.GetProperty("attachments").EnumerateArray().ToList();
        Assert.Equal("image", attachments[0].GetProperty("msgtype").GetString());
        Assert.Equal("MEDIA_1", attachments[0].GetProperty("image").GetProperty("media_id").GetString());
        Assert.Equal("link", attachments[1].GetProperty("msgtype").GetString());
        Assert.Equal("https://example.com/offer/1", attachments[1].GetProperty("link").GetProperty("url").GetString());
        Assert.Equal("18:00 截单", attachments[1].GetProperty("link").GetProperty("desc").GetString());
        Assert.False(body.TryGetProperty("external_userid", out _));

        Assert.Equal("msgGAAAA", result.MessageId);
        Assert.Equal(["wr-gone"], result.FailedIds);
        Assert.Equal(["wr-building-3"], result.AcceptedChatIds);
        Assert.Equal(wecom.Time.GetUtcNow(), result.CreatedAt);
        Assert.Equal(new DateOnly(2026, 12, 1), result.QuotaDay);
    }

    [Fact]
    public void The_quota_day_is_china_time()
    {
        // 23:30 UTC on 30 Nov is 07:30 on 1 Dec in China.
        Assert.Equal(new DateOnly(2026, 12, 1), WeComGroupMessageQuota.DayOf(new DateTimeOffset(2026, 11, 30, 23, 30, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 11, 30), WeComGroupMessageQuota.DayOf(new DateTimeOffset(2026, 11, 30, 15, 59, 0, TimeSpan.Zero)));
    }

    [Fact]
    public async Task Content_wecom_would_refuse_is_refused_before_any_call()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => wecom.Client.SendAppMessageAsync(new WeComAppMessage([], [], WeComTextFormat.Text, "x"), CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => wecom.Client.SendRobotAsync("k", new WeComRobotText(" "), CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => wecom.Client.AddGroupMessageTemplateAsync(new WeComGroupMessageTemplate("leader", new string('团', 1400)), CancellationToken.None));

        Assert.Empty(wecom.Server.LogEntries);
    }
}
