using GroupBuy.BotHost.Channels.WeCom;
using Xunit;

namespace GroupBuy.BotHost.Tests.Channels.WeCom;

public sealed class WeComCallbackMessageTests
{
    [Fact]
    public void A_member_joining_a_customer_group_parses_as_a_change_external_chat_event()
    {
        // WeCom's 客户群变更事件 sample; MemChangeList, QuitScene and the versions are not ours to read.
        const string xml = """
            <xml>
                <ToUserName><![CDATA[ww4asffe99e54c0f4c]]></ToUserName>
                <FromUserName><![CDATA[sys]]></FromUserName>
                <CreateTime>1403610513</CreateTime>
                <MsgType><![CDATA[event]]></MsgType>
                <Event><![CDATA[change_external_chat]]></Event>
                <ChatId><![CDATA[wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA]]></ChatId>
                <ChangeType><![CDATA[update]]></ChangeType>
                <UpdateDetail><![CDATA[add_member]]></UpdateDetail>
                <JoinScene>1</JoinScene>
                <QuitScene>0</QuitScene>
                <MemChangeCnt>10</MemChangeCnt>
                <MemChangeList><Item>Jack</Item><Item>Rose</Item></MemChangeList>
                <LastMemVer>9c3f0a7c</LastMemVer>
                <CurMemVer>71217227</CurMemVer>
            </xml>
            """;

        var message = WeComCallbackMessage.Parse(xml);

        Assert.True(message.IsEvent);
        Assert.Equal("ww4asffe99e54c0f4c", message.ToUserName);
        Assert.Equal("sys", message.FromUserName);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1403610513), message.CreateTime);
        Assert.Equal("event", message.MsgType);
        Assert.Equal("change_external_chat", message.Event);
        Assert.Equal("wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA", message.ChatId);
        Assert.Equal("update", message.ChangeType);
        Assert.Equal("add_member", message.UpdateDetail);
        Assert.Equal(1, message.JoinScene);
        Assert.Equal(10, message.MemChangeCnt);
        Assert.Null(message.Content);
        Assert.Null(message.MsgId);
        Assert.Null(message.AgentId);
    }

    [Fact]
    public void A_dismissed_customer_group_has_no_update_detail()
    {
        const string xml = """
            <xml><ToUserName><![CDATA[toUser]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName>
            <CreateTime>1403610513</CreateTime><MsgType><![CDATA[event]]></MsgType>
            <Event><![CDATA[change_external_chat]]></Event><ChatId><![CDATA[CHAT_ID]]></ChatId>
            <ChangeType><![CDATA[dismiss]]></ChangeType></xml>
            """;

        var message = WeComCallbackMessage.Parse(xml);

        Assert.Equal("dismiss", message.ChangeType);
        Assert.Equal("CHAT_ID", message.ChatId);
        Assert.Null(message.UpdateDetail);
        Assert.Null(message.JoinScene);
        Assert.Null(message.MemChangeCnt);
    }

    [Fact]
    public void An_enter_agent_event_carries_the_user_and_the_agent()
    {
        const string xml = """
            <xml><ToUserName><![CDATA[toUser]]></ToUserName><FromUserName><![CDATA[FromUser]]></FromUserName>
            <CreateTime>1408091189</CreateTime><MsgType><![CDATA[event]]></MsgType>
            <Event><![CDATA[enter_agent]]></Event><EventKey><![CDATA[]]></EventKey><AgentID>1</AgentID></xml>
            """;

        var message = WeComCallbackMessage.Parse(xml);

        Assert.Equal("enter_agent", message.Event);
        Assert.Equal("FromUser", message.FromUserName);
        Assert.Equal("1", message.AgentId);
    }

    [Fact]
    public void An_image_message_has_its_url_and_media_id_and_no_content()
    {
        const string xml = """
            <xml>
               <ToUserName><![CDATA[toUser]]></ToUserName>
               <FromUserName><![CDATA[zhangsan]]></FromUserName>
               <CreateTime>1348831860</CreateTime>
               <MsgType><![CDATA[image]]></MsgType>
               <PicUrl><![CDATA[https://wework.qpic.cn/wwpic/123/0]]></PicUrl>
               <MediaId><![CDATA[media_id]]></MediaId>
               <MsgId>1234567890123456</MsgId>
               <AgentID>1</AgentID>
            </xml>
            """;

        var message = WeComCallbackMessage.Parse(xml);

        Assert.False(message.IsEvent);
        Assert.Equal("image", message.MsgType);
        Assert.Equal("https://wework.qpic.cn/wwpic/123/0", message.PicUrl);
        Assert.Equal("media_id", message.MediaId);
        Assert.Equal("1234567890123456", message.MsgId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1348831860), message.CreateTime);
        Assert.Null(message.Content);
        Assert.Null(message.Event);
    }

    [Fact]
    public void Text_content_is_kept_exactly_as_sent()
    {
        const string xml = "<xml><ToUserName>c</ToUserName><FromUserName>u</FromUserName><CreateTime>1</CreateTime>"
            + "<MsgType>text</MsgType><Content><![CDATA[ 苹果+2\n3号+1 <备注> ]]></Content><MsgId>1</MsgId></xml>";

        Assert.Equal(" 苹果+2\n3号+1 <备注> ", WeComCallbackMessage.Parse(xml).Content);
    }

    [Theory]
    [InlineData("ToUserName")]
    [InlineData("FromUserName")]
    [InlineData("CreateTime")]
    [InlineData("MsgType")]
    public void A_missing_required_element_is_named(string element)
    {
        var parts = new Dictionary<string, string>
        {
            ["ToUserName"] = "c",
            ["FromUserName"] = "u",
            ["CreateTime"] = "1",
            ["MsgType"] = "text",
        };
        parts.Remove(element);
        var xml = "<xml>" + string.Concat(parts.Select(p => $"<{p.Key}>{p.Value}</{p.Key}>")) + "</xml>";

        var ex = Assert.Throws<FormatException>(() => WeComCallbackMessage.Parse(xml));

        Assert.Contains($"<{element}>", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<CreateTime>soon</CreateTime><JoinScene>1</JoinScene>", "CreateTime")]
    [InlineData("<CreateTime>99999999999999</CreateTime>", "CreateTime")]
    [InlineData("<CreateTime>1</CreateTime><JoinScene>one</JoinScene>", "JoinScene")]
    [InlineData("<CreateTime>1</CreateTime><MemChangeCnt>99999999999</MemChangeCnt>", "MemChangeCnt")]
    public void A_number_that_is_not_one_is_named(string elements, string element)
    {
        var xml = "<xml><ToUserName>c</ToUserName><FromUserName>u</FromUserName><MsgType>event</MsgType>" + elements + "</xml>";

        var ex = Assert.Throws<FormatException>(() => WeComCallbackMessage.Parse(xml));

        Assert.Contains($"<{element}>", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<xml><ToUserName>c</ToUserName>")]
    [InlineData("<xml><Content>a & b</Content></xml>")]
    [InlineData("{\"msgtype\":\"text\"}")]
    public void Malformed_xml_is_rejected(string xml)
    {
        Assert.Throws<FormatException>(() => WeComCallbackMessage.Parse(xml));
    }

    [Fact]
    public void A_DTD_is_rejected_so_entities_are_never_expanded()
    {
        // A billion-laughs shape: refused at the DOCTYPE, before any expansion.
        const string xml = """
            <!DOCTYPE xml [
              <!ENTITY a "aaaaaaaaaa">
              <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
              <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
            ]>
            <xml><ToUserName>c</ToUserName><FromUserName>u</FromUserName><CreateTime>1</CreateTime>
            <MsgType>text</MsgType><Content>&c;</Content></xml>
            """;

        var ex = Assert.Throws<FormatException>(() => WeComCallbackMessage.Parse(xml));

        Assert.Contains("DTD", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_do_not_quote_the_message_text()
    {
        const string xml = "<xml><Content>电话13812345678 <b></Content></xml>";

        var ex = Assert.Throws<FormatException>(() => WeComCallbackMessage.Parse(xml));

        Assert.DoesNotContain("13812345678", ex.Message, StringComparison.Ordinal);
    }
}
