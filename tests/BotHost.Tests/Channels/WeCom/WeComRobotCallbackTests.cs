using GroupBuy.BotHost.Channels.WeCom;
using Xunit;

namespace GroupBuy.BotHost.Tests.Channels.WeCom;

public sealed class WeComRobotCallbackTests
{
    [Fact]
    public void A_group_text_message_keeps_the_mention_and_the_order()
    {
        const string json = """
            {
                "msgid": "CAIQ16HMjQYY\/NGagIOAgAMgq4KM0AI=",
                "aibotid": "AIBOTID",
                "chatid": "CHATID",
                "chattype": "group",
                "from": { "userid": "zhangsan" },
                "response_url": "https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=RC",
                "msgtype": "text",
                "text": { "content": "@机器人 苹果+1" },
                "quote": { "msgtype": "text", "text": { "content": "今日团购" } }
            }
            """;

        var message = WeComRobotCallback.Parse(json);

        Assert.Equal("CAIQ16HMjQYY/NGagIOAgAMgq4KM0AI=", message.MsgId);
        Assert.Equal("AIBOTID", message.AiBotId);
        Assert.Equal("CHATID", message.ChatId);
        Assert.Equal("group", message.ChatType);
        Assert.True(message.IsGroup);
        Assert.Equal("zhangsan", message.FromUserId);
        Assert.Equal("https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=RC", message.ResponseUrl);
        Assert.Equal("text", message.MsgType);
        Assert.Equal("@机器人 苹果+1", message.Text);
        Assert.Null(message.ImageUrl);
    }

    [Fact]
    public void A_single_chat_image_message_has_its_url_and_no_chat_id()
    {
        const string json = """
            {"msgid":"CAIQz7/MjQYY/NGagIOAgAMgl8jK/gI=","aibotid":"AIBOTID","chattype":"single",
             "from":{"userid":"lisi"},"response_url":"RESPONSEURL","msgtype":"image",
             "image":{"url":"https://ww-aibot-img-1258476243.cos.ap-guangzhou.myqcloud.com/BHoPdA3/7571665296904772241?sign=x"}}
            """;

        var message = WeComRobotCallback.Parse(json);

        Assert.Equal("image", message.MsgType);
        Assert.Equal("https://ww-aibot-img-1258476243.cos.ap-guangzhou.myqcloud.com/BHoPdA3/7571665296904772241?sign=x", message.ImageUrl);
        Assert.Null(message.Text);
        Assert.Null(message.ChatId);
        Assert.False(message.IsGroup);
    }

    [Fact]
    public void A_mixed_message_joins_its_text_and_keeps_the_first_image()
    {
        const string json = """
            {"msgid":"m3","chatid":"CHATID","chattype":"group","from":{"userid":"u"},"msgtype":"mixed",
             "mixed":{"msg_item":[
                {"msgtype":"text","text":{"content":"@机器人 苹果+1"}},
                {"msgtype":"image","image":{"url":"https://img/1"}},
                {"msgtype":"text","text":{"content":"3号+2"}},
                {"msgtype":"image","image":{"url":"https://img/2"}}]}}
            """;

        var message = WeComRobotCallback.Parse(json);

        Assert.Equal("@机器人 苹果+1\n3号+2", message.Text);
        Assert.Equal("https://img/1", message.ImageUrl);
    }

    [Theory]
    [InlineData("""{"msgid":"m4","chattype":"single","from":{"userid":"u"},"msgtype":"voice","voice":{"content":"语音转文字"}}""", "voice")]
    [InlineData("""{"msgid":"m5","chattype":"single","from":{"userid":"u"},"msgtype":"file","file":{"url":"https://f"}}""", "file")]
    [InlineData("""{"msgid":"m6","chattype":"single","from":{"userid":"u"},"msgtype":"hologram","hologram":[1,2,3]}""", "hologram")]
    public void Other_message_types_parse_with_no_content(string json, string msgType)
    {
        var message = WeComRobotCallback.Parse(json);

        Assert.Equal(msgType, message.MsgType);
        Assert.Null(message.Text);
        Assert.Null(message.ImageUrl);
        Assert.Null(message.StreamId);
        Assert.Null(message.EventType);
    }

    [Fact]
    public void A_stream_refresh_names_its_stream()
    {
        const string json = """
            {"msgid":"m7","aibotid":"AIBOTID","chatid":"CHATID","chattype":"group","from":{"userid":"u"},
             "msgtype":"stream","stream":{"id":"STREAMID"}}
            """;

        var message = WeComRobotCallback.Parse(json);

        Assert.Equal("stream", message.MsgType);
        Assert.Equal("STREAMID", message.StreamId);
        Assert.Null(message.Text);
    }

    [Fact]
    public void An_enter_chat_event_has_its_event_type_and_no_chat_type()
    {
        const string json = """
            {"msgid":"m8","create_time":1700000000,"aibotid":"AIBOTID","from":{"corpid":"wpxxxx","userid":"u"},
             "msgtype":"event","event":{"eventtype":"enter_chat"}}
            """;

        var message = WeComRobotCallback.Parse(json);

        Assert.Equal("event", message.MsgType);
        Assert.Equal("enter_chat", message.EventType);
        Assert.Null(message.ChatType);
        Assert.Null(message.Text);
    }

    [Fact]
    public void A_robot_callback_decrypts_with_the_empty_receive_id_and_parses()
    {
        var crypto = new WeComCallbackCrypto(WeComVectors.Tencent.Token, WeComVectors.Tencent.EncodingAesKey, string.Empty);
        const string json = """{"msgid":"m9","chatid":"c","chattype":"group","from":{"userid":"u"},"msgtype":"text","text":{"content":"@机器人 苹果+1"}}""";
        var body = "{\"encrypt\":\"" + crypto.Encrypt(json) + "\"}";

        var envelope = WeComRobotEnvelope.Parse(body);
        var message = WeComRobotCallback.Parse(crypto.Decrypt(envelope.Encrypt));

        Assert.Equal("@机器人 苹果+1", message.Text);
    }

    [Theory]
    [InlineData("""{"chattype":"single","from":{"userid":"u"},"msgtype":"text"}""", "msgid")]
    [InlineData("""{"msgid":"m","chattype":"single","from":{"userid":"u"}}""", "msgtype")]
    [InlineData("""{"msgid":"m","chattype":"single","msgtype":"text"}""", "from.userid")]
    [InlineData("""{"msgid":"m","chattype":"single","from":"u","msgtype":"text"}""", "from.userid")]
    [InlineData("""{"msgid":42,"chattype":"single","from":{"userid":"u"},"msgtype":"text"}""", "msgid")]
    [InlineData("""{"msgid":"m","from":{"userid":"u"},"msgtype":"text","text":{"content":7}}""", "text.content")]
    public void Missing_or_mistyped_fields_are_named(string json, string field)
    {
        var ex = Assert.Throws<FormatException>(() => WeComRobotCallback.Parse(json));

        Assert.Contains($"'{field}'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"msgid\":")]
    [InlineData("[1,2]")]
    [InlineData("<xml/>")]
    public void Malformed_json_is_rejected(string json)
    {
        Assert.Throws<FormatException>(() => WeComRobotCallback.Parse(json));
    }

    [Fact]
    public void The_robot_envelope_needs_an_encrypt_string()
    {
        Assert.Equal("abc", WeComRobotEnvelope.Parse("""{"encrypt":"abc"}""").Encrypt);
        Assert.Contains("'encrypt'", Assert.Throws<FormatException>(() => WeComRobotEnvelope.Parse("{}")).Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => WeComRobotEnvelope.Parse("""{"encrypt":1}"""));
        Assert.Throws<FormatException>(() => WeComRobotEnvelope.Parse("encrypt=abc"));
    }
}
