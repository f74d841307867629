using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using GroupBuy.BotHost.Channels.WeCom;
using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Conversations.Inbox;
using GroupBuy.Conversations.Outbox;
using GroupBuy.Conversations.Storage;
using GroupBuy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WireMock.Server;
using Xunit;
using WireMockRequest = WireMock.RequestBuilders.Request;
using WireMockResponse = WireMock.ResponseBuilders.Response;

namespace GroupBuy.BotHost.Tests.Channels.WeCom;

/// <summary>
/// WeCom end to end through the host: encrypted callbacks in, and WeCom's server API (WireMock.Net
/// over real HTTP) out.
/// </summary>
public sealed class WeComWebhookTests : IAsyncLifetime
{
    private const string Token = WeComVectors.Tencent.Token;
    private const string AesKey = WeComVectors.Tencent.EncodingAesKey;
    private const string CorpId = WeComVectors.Tencent.CorpId;
    private const string RobotToken = "robot-token-31";
    private const string RobotKey = "robot-key-6b1f0c";

    private readonly PostgresDatabase database = MigratedDatabase.Create();
    private readonly WireMockServer wecom = WireMockServer.Start();
    private readonly WeComCallbackCrypto application = new(Token, AesKey, CorpId);
    private readonly WeComCallbackCrypto robot = new(RobotToken, AesKey, string.Empty);
    private BotHostFactory host = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        Answer("/cgi-bin/gettoken", new { errcode = 0, errmsg = "ok", access_token = "TOKEN-1", expires_in = 7200 });
        foreach (var path in new[] { "/cgi-bin/webhook/send", "/cgi-bin/appchat/send", "/cgi-bin/message/send" })
        {
            Answer(path, new { errcode = 0, errmsg = "ok" });
        }

        Answer("/cgi-bin/externalcontact/add_msg_template", new { errcode = 0, errmsg = "ok", msgid = "msg-1", fail_list = Array.Empty<string>() });
        host = BotHostFactory.OnPostgres(
            database.ConnectionString,
            ("WeCom:CorpId", CorpId),
            ("WeCom:Token", Token),
            ("WeCom:EncodingAesKey", AesKey),
            ("WeCom:AgentId", "1000002"),
            ("WeCom:Secret", "app-secret-1"),
            ("WeCom:ApiBaseUrl", wecom.Url),
            ("WeCom:Robot:Token", RobotToken),
            ("WeCom:Robot:EncodingAesKey", AesKey));
        client = host.CreateAnonymousClient();
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        wecom.Stop();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task Url_verification_answers_the_decrypted_echostr()
    {
        var echo = application.Encrypt("1616140317555161061");

        var response = await client.GetAsync(Signed("/webhooks/wecom", application, echo, echostr: echo));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1616140317555161061", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Url_verification_with_a_wrong_signature_is_refused()
    {
        var echo = application.Encrypt("42");
        var url = Signed("/webhooks/wecom", application, echo, echostr: echo).ToString().Replace("msg_signature=", "msg_signature=0", StringComparison.Ordinal);

        var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_text_message_to_the_application_is_stored_once_however_often_it_is_delivered()
    {
        var body = Envelope(application.Encrypt(AppText("zhangsan", "帮助", "7001")));

        for (var i = 0; i < 3; i++)
        {
            var response = await client.PostAsync(Signed("/webhooks/wecom", application, ExtractEncrypt(body)), new StringContent(body, Encoding.UTF8, "text/xml"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var stored = Assert.Single(await InboundAsync());
        Assert.Equal("wecom", stored.Channel);
        Assert.Equal("7001", stored.MessageId);
        Assert.Null(stored.ChatId);
        Assert.Equal("zhangsan", stored.SenderId);
        Assert.Equal("帮助", stored.Text);
    }

    [Theory]
    [InlineData(-10)]
    [InlineData(10)]
    public async Task A_callback_signed_ten_minutes_off_is_refused_and_nothing_is_stored(int minutes)
    {
        var encrypted = application.Encrypt(AppText("zhangsan", "帮助", "7002"));

        var response = await client.PostAsync(Signed("/webhooks/wecom", application, encrypted, at: DateTimeOffset.UtcNow.AddMinutes(minutes)), new StringContent(Envelope(encrypted), Encoding.UTF8, "text/xml"));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Empty(await InboundAsync());
    }

    [Fact]
    public async Task A_signature_made_for_another_body_is_refused_and_nothing_is_stored()
    {
        var signedFor = application.Encrypt(AppText("zhangsan", "帮助", "7010"));
        var sent = application.Encrypt(AppText("lisi", "苹果+1", "7011"));

        var response = await client.PostAsync(Signed("/webhooks/wecom", application, signedFor), new StringContent(Envelope(sent), Encoding.UTF8, "text/xml"));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Empty(await InboundAsync());
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><xml><ToUserName>c</ToUserName><FromUserName>zhangsan</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&xxe;</Content><MsgId>7020</MsgId></xml>")]
    [InlineData("<!DOCTYPE xml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><xml><FromUserName>zhangsan</FromUserName><MsgType>text</MsgType><Content>&c;</Content><MsgId>7021</MsgId></xml>")]
    [InlineData("<xml><FromUserName>zhangsan</FromUserName><MsgType>text<Content>苹果+1</Content><MsgId>7022</MsgId></xml>")]
    public async Task A_correctly_encrypted_message_with_a_doctype_or_broken_xml_is_a_400_and_nothing_is_stored(string inner)
    {
        var encrypted = application.Encrypt(inner);

        var response = await client.PostAsync(Signed("/webhooks/wecom", application, encrypted), new StringContent(Envelope(encrypted), Encoding.UTF8, "text/xml"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var said = problem.GetRawText();
        Assert.DoesNotContain("root:", said, StringComparison.Ordinal);
        Assert.DoesNotContain("aaaaaaaaaa", said, StringComparison.Ordinal);
        Assert.Empty(await InboundAsync());
    }

    [Fact]
    public async Task A_member_writing_help_to_the_application_is_answered_privately()
    {
        var encrypted = application.Encrypt(AppText("zhangsan", "帮助", "7030"));

        var response = await client.PostAsync(Signed("/webhooks/wecom", application, encrypted), new StringContent(Envelope(encrypted), Encoding.UTF8, "text/xml"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = await WaitForRequestAsync("/cgi-bin/message/send");
        Assert.Equal("zhangsan", sent.Json.GetProperty("touser").GetString());
        Assert.Contains("私聊里可以这样找我", sent.Json.GetProperty("text").GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_a_413_and_nothing_is_stored()
    {
        var encrypted = application.Encrypt(AppText("zhangsan", new string('好', 100_000), "7031"));

        var response = await client.PostAsync(Signed("/webhooks/wecom", application, encrypted), new StringContent(Envelope(encrypted), Encoding.UTF8, "text/xml"));

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Empty(await InboundAsync());
    }

    [Fact]
    public async Task A_malformed_envelope_is_a_400_and_nothing_is_stored()
    {
        var response = await client.PostAsync(Signed("/webhooks/wecom", application, "x"), new StringContent("<xml><Encrypt>abc</Encrypt", Encoding.UTF8, "text/xml"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrors("body"));
        Assert.Empty(await InboundAsync());
    }

    [Fact]
    public async Task The_same_robot_order_delivered_three_times_at_once_is_one_order_and_one_answer()
    {
        var admin = host.CreateAdminClient();
        await admin.RegisterWeComGroupAsync("wr-storm", "robot", RobotKey);
        var campaignId = await admin.PublishCampaignAsync(
            ["wr-storm"],
            new { name = "红富士苹果", aliases = new[] { "苹果" }, price = 12.8m, referencePrice = 15.8m, category = "生鲜", stock = 10 });

        Answer("/cgi-bin/aibot/response", new { errcode = 0, errmsg = "ok" });
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => PostRobotTextAsync("robot-storm-1", "wr-storm", "@团购助手 苹果+1", $"{wecom.Url}/cgi-bin/aibot/response?response_code=RC-storm")));

        var orders = await EventuallyAsync(async () => await admin.OrdersAsync(campaignId) is { Count: > 0 } read ? read : null);
        Assert.Equal("1:1", Assert.Single(orders).Value);
        Assert.Single(await InboundAsync(), m => m.MessageId == "robot-storm-1");
        var answered = await EventuallyAsync(() => Task.FromResult(RobotPosts("已记下").Count > 0 ? RobotPosts("已记下") : null));
        await Task.Delay(1000);
        Assert.Single(answered);
        Assert.Single(RobotPosts("已记下"));
    }

    [Fact]
    public async Task A_callback_for_another_corp_is_refused_and_nothing_is_stored()
    {
        var otherCorp = new WeComCallbackCrypto(Token, AesKey, "ww-other-corp");
        var encrypted = otherCorp.Encrypt(AppText("zhangsan", "帮助", "7003"));

        var response = await client.PostAsync(Signed("/webhooks/wecom", application, encrypted), new StringContent(Envelope(encrypted), Encoding.UTF8, "text/xml"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrors("Encrypt"));
        Assert.Empty(await InboundAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_a_callback_is_a_400()
    {
        var response = await client.PostAsync(Signed("/webhooks/wecom", application, "x"), new StringContent("<xml><Nothing/></xml>", Encoding.UTF8, "text/xml"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrors("body"));
    }

    [Fact]
    public async Task A_dismissed_customer_group_is_marked_and_gets_nothing_more()
    {
        await host.CreateAdminClient().RegisterWeComGroupAsync("wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA", "customerGroup");
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var xml = $"<xml><ToUserName><![CDATA[{CorpId}]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>{ts}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_chat]]></Event><ChatId><![CDATA[wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA]]></ChatId><ChangeType><![CDATA[dismiss]]></ChangeType></xml>";
        var encrypted = application.Encrypt(xml);

        var response = await client.PostAsync(Signed("/webhooks/wecom", application, encrypted), new StringContent(Envelope(encrypted), Encoding.UTF8, "text/xml"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await EventuallyAsync(async db => (await db.Groups.SingleAsync()).DismissedAt is not null);
        var stored = Assert.Single(await InboundAsync());
        Assert.Equal(InboundMessageKind.Event, stored.Kind);
    }

    [Fact]
    public async Task A_changed_customer_group_is_read_back_and_its_new_owner_and_members_are_taken_in()
    {
        Answer("/cgi-bin/externalcontact/groupchat/get", new
        {
            errcode = 0,
            errmsg = "ok",
            group_chat = new
            {
                chat_id = "wr-changed",
                name = "幸福里3栋团购群",
                owner = "zhaoliu",
                member_list = new object[]
                {
                    new { userid = "zhaoliu", type = 1, name = "赵姐" },
                    new { userid = "wmCustomer1", type = 2, name = "Wang", group_nickname = "3栋201王阿姨" },
                    new { userid = "wmCustomer2", type = 2, name = "李叔" },
                },
            },
        });
        await host.CreateAdminClient().RegisterWeComGroupAsync("wr-changed", "customerGroup", leaderId: "zhangsan");
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var xml = $"<xml><ToUserName><![CDATA[{CorpId}]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>{ts}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_chat]]></Event><ChatId><![CDATA[wr-changed]]></ChatId><ChangeType><![CDATA[update]]></ChangeType><UpdateDetail><![CDATA[change_owner]]></UpdateDetail></xml>";
        var encrypted = application.Encrypt(xml);

        var response = await client.PostAsync(Signed("/webhooks/wecom", application, encrypted), new StringContent(Envelope(encrypted), Encoding.UTF8, "text/xml"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await EventuallyAsync(async db => (await db.Groups.SingleAsync()).LeaderId == "zhaoliu");
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
        var group = await db.Groups.SingleAsync();
        Assert.Equal("幸福里3栋团购群", group.Name);
        Assert.Equal("赵姐", group.LeaderName);
        var residents = await db.Residents.OrderBy(r => r.UserId).Select(r => new { r.UserId, r.DisplayName }).ToListAsync();
        Assert.Equal(["wmCustomer1", "wmCustomer2"], residents.Select(r => r.UserId));
        Assert.Equal(["3栋201王阿姨", "李叔"], residents.Select(r => r.DisplayName));
        var asked = Assert.Single(Requests("/cgi-bin/externalcontact/groupchat/get"));
        Assert.Equal("wr-changed", asked.Json.GetProperty("chat_id").GetString());
        Assert.Equal(1, asked.Json.GetProperty("need_name").GetInt32());
    }

    [Fact]
    public async Task Help_asked_by_mentioning_the_robot_is_answered_through_the_group_robot_with_mention_examples()
    {
        await host.CreateAdminClient().RegisterWeComGroupAsync("wr-internal-1", "robot", RobotKey);
        var callback = JsonSerializer.Serialize(new
        {
            msgid = "robot-msg-1",
            aibotid = "AIBOT1",
            chatid = "wr-internal-1",
            chattype = "group",
            from = new { userid = "lisi" },
            response_url = "https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=x",
            msgtype = "text",
            text = new { content = "@团购助手 帮助" },
        });
        var encrypted = robot.Encrypt(callback);

        var response = await client.PostAsync(Signed("/webhooks/wecom/robot", robot, encrypted), new StringContent(JsonSerializer.Serialize(new { encrypt = encrypted }), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = await WaitForRequestAsync("/cgi-bin/webhook/send");
        Assert.Equal(RobotKey, sent.Query["key"]);
        var text = sent.Json.GetProperty("text");
        Assert.Contains("@团购助手 苹果+2", text.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal(["lisi"], text.GetProperty("mentioned_list").EnumerateArray().Select(e => e.GetString() ?? string.Empty));
    }

    [Fact]
    public async Task The_answer_to_a_robot_mention_goes_back_through_its_response_url_once()
    {
        Answer("/cgi-bin/aibot/response", new { errcode = 0, errmsg = "ok" });
        await host.CreateAdminClient().RegisterWeComGroupAsync("wr-internal-2", "robot", RobotKey);

        await PostRobotTextAsync("robot-msg-2", "wr-internal-2", "@团购助手 帮助", $"{wecom.Url}/cgi-bin/aibot/response?response_code=RC-2");

        var answered = await WaitForRequestAsync("/cgi-bin/aibot/response");
        Assert.Equal("RC-2", answered.Query["response_code"]);
        Assert.Equal("markdown", answered.Json.GetProperty("msgtype").GetString());
        Assert.Contains("@团购助手 苹果+2", answered.Json.GetProperty("markdown").GetProperty("content").GetString(), StringComparison.Ordinal);
        await Task.Delay(500);
        Assert.Single(Requests("/cgi-bin/aibot/response"));
        Assert.Empty(Requests("/cgi-bin/webhook/send"));
    }

    [Fact]
    public async Task When_the_response_url_is_refused_the_answer_goes_through_the_group_robot()
    {
        Answer("/cgi-bin/aibot/response", new { errcode = 40008, errmsg = "response_code expired" });
        await host.CreateAdminClient().RegisterWeComGroupAsync("wr-internal-3", "robot", RobotKey);

        await PostRobotTextAsync("robot-msg-3", "wr-internal-3", "@团购助手 帮助", $"{wecom.Url}/cgi-bin/aibot/response?response_code=RC-3");

        var sent = await WaitForRequestAsync("/cgi-bin/webhook/send");
        Assert.Single(Requests("/cgi-bin/aibot/response"));
        Assert.Contains("团购小助手", sent.Json.GetProperty("text").GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    private async Task PostRobotTextAsync(string msgId, string chatId, string text, string responseUrl)
    {
        var callback = JsonSerializer.Serialize(new
        {
            msgid = msgId,
            aibotid = "AIBOT1",
            chatid = chatId,
            chattype = "group",
            from = new { userid = "lisi" },
            response_url = responseUrl,
            msgtype = "text",
            text = new { content = text },
        });
        var encrypted = robot.Encrypt(callback);
        var response = await client.PostAsync(Signed("/webhooks/wecom/robot", robot, encrypted), new StringContent(JsonSerializer.Serialize(new { encrypt = encrypted }), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_customer_group_gets_one_group_message_a_day_and_the_next_waits_for_tomorrow()
    {
        await host.CreateAdminClient().RegisterWeComGroupAsync("wr-customers", "customerGroup", leaderId: "wangwu");
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
            var now = DateTimeOffset.UtcNow;
            db.OutboundMessages.Add(OutboundMessage.ToChat("wecom", "wr-customers", "周四鲜果开团啦", [], "preview:1:wr-customers", now));
            db.OutboundMessages.Add(OutboundMessage.ToChat("wecom", "wr-customers", "周五日用品开团啦", [], "preview:2:wr-customers", now));
            await db.SaveChangesAsync();
        }

        var sent = await WaitForRequestAsync("/cgi-bin/externalcontact/add_msg_template");
        await Task.Delay(1000);

        Assert.Single(Requests("/cgi-bin/externalcontact/add_msg_template"));
        Assert.Equal("group", sent.Json.GetProperty("chat_type").GetString());
        Assert.Equal("wangwu", sent.Json.GetProperty("sender").GetString());
        Assert.Equal(["wr-customers"], sent.Json.GetProperty("chat_id_list").EnumerateArray().Select(e => e.GetString() ?? string.Empty));
        await using var check = host.Services.CreateAsyncScope();
        var second = await check.ServiceProvider.GetRequiredService<GroupBuyDbContext>().OutboundMessages.AsNoTracking().SingleAsync(m => m.IdempotencyKey == "preview:2:wr-customers");
        Assert.Equal(OutboundMessageStatus.Pending, second.Status);
        Assert.True(second.DueAt > DateTimeOffset.UtcNow.AddMinutes(1), $"due {second.DueAt:O}");
        Assert.Contains("tomorrow", second.LastError, StringComparison.Ordinal);
    }

    private void Answer(string path, object body) =>
        wecom.Given(WireMockRequest.Create().WithPath(path)).RespondWith(WireMockResponse.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBodyAsJson(body));

    private IReadOnlyList<(IDictionary<string, string> Query, JsonElement Json)> Requests(string path) => [.. wecom.LogEntries
        .Where(e => e.RequestMessage.Path == path)
        .Select(e => ((IDictionary<string, string>)(e.RequestMessage.Query ?? new Dictionary<string, WireMock.Types.WireMockList<string>>()).ToDictionary(q => q.Key, q => q.Value.FirstOrDefault() ?? string.Empty),
            JsonDocument.Parse(e.RequestMessage.Body ?? "null").RootElement.Clone()))];

    private async Task<(IDictionary<string, string> Query, JsonElement Json)> WaitForRequestAsync(string path)
    {
        for (var i = 0; i < 300; i++)
        {
            var requests = Requests(path);
            if (requests.Count > 0)
            {
                return requests[0];
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"WeCom never got a request to {path}.");
    }

    /// <summary>What went into the group through the robot (its webhook or a response URL) that starts so.</summary>
    private List<string> RobotPosts(string start) => [.. Requests("/cgi-bin/webhook/send").Concat(Requests("/cgi-bin/aibot/response"))
        .Select(r => r.Json.TryGetProperty("text", out var text) ? text.GetProperty("content").GetString() ?? string.Empty
            : r.Json.TryGetProperty("markdown", out var markdown) ? markdown.GetProperty("content").GetString() ?? string.Empty : string.Empty)
        .Where(t => t.StartsWith(start, StringComparison.Ordinal))];

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> read)
        where T : class
    {
        for (var i = 0; i < 300; i++)
        {
            if (await read() is { } value)
            {
                return value;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The condition never held.");
    }

    private async Task<List<InboundMessage>> InboundAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>().InboundMessages.AsNoTracking().ToListAsync();
    }

    private async Task EventuallyAsync(Func<GroupBuyDbContext, Task<bool>> condition)
    {
        for (var i = 0; i < 300; i++)
        {
            await using var scope = host.Services.CreateAsyncScope();
            if (await condition(scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>()))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The condition never held.");
    }

    private static Uri Signed(string path, WeComCallbackCrypto crypto, string encrypted, string? echostr = null, DateTimeOffset? at = null)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        const string nonce = "1372623149";
        var signature = crypto.ComputeSignature(timestamp, nonce, encrypted);
        var query = $"msg_signature={signature}&timestamp={timestamp}&nonce={nonce}";
        if (echostr is not null)
        {
            query += "&echostr=" + Uri.EscapeDataString(echostr);
        }

        return new Uri($"{path}?{query}", UriKind.Relative);
    }

    private static string AppText(string from, string content, string msgId) =>
        $"<xml><ToUserName><![CDATA[{CorpId}]]></ToUserName><FromUserName><![CDATA[{from}]]></FromUserName><CreateTime>{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{content}]]></Content><MsgId>{msgId}</MsgId><AgentID>1000002</AgentID></xml>";

    private static string Envelope(string encrypted) =>
        $"<xml><ToUserName><![CDATA[{CorpId}]]></ToUserName><Encrypt><![CDATA[{encrypted}]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>";

    private static string ExtractEncrypt(string envelope) => WeComEnvelope.Parse(envelope).Encrypt;
}
