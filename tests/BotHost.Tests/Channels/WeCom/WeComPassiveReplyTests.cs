using System.Text.Json;
using System.Text.RegularExpressions;
using GroupBuy.BotHost.Channels.WeCom;
using Xunit;

namespace GroupBuy.BotHost.Tests.Channels.WeCom;

public sealed class WeComPassiveReplyTests
{
    private static readonly WeComCallbackCrypto Application = new(
        WeComVectors.Tencent.Token, WeComVectors.Tencent.EncodingAesKey, WeComVectors.Tencent.CorpId);

    private static readonly WeComCallbackCrypto Robot = new(
        WeComVectors.Tencent.Token, WeComVectors.Tencent.EncodingAesKey, string.Empty);

    [Fact]
    public void The_xml_reply_has_WeComs_shape_and_verifies_with_its_own_signature()
    {
        const string message = "<xml><ToUserName><![CDATA[mycreate]]></ToUserName><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[已收到：苹果+2]]></Content></xml>";

        var reply = WeComPassiveReply.Xml(Application, message, 1409659813, "1372623149");

        var shape = Regex.Match(
            reply,
            @"^<xml><Encrypt><!\[CDATA\[(?<e>[A-Za-z0-9+/=]+)\]\]></Encrypt><MsgSignature><!\[CDATA\[(?<s>[0-9a-f]{40})\]\]></MsgSignature><TimeStamp>1409659813</TimeStamp><Nonce><!\[CDATA\[1372623149\]\]></Nonce></xml>$",
            RegexOptions.None,
            TimeSpan.FromSeconds(1));
        Assert.True(shape.Success, reply);

        var encrypted = shape.Groups["e"].Value;
        Assert.True(Application.VerifySignature(shape.Groups["s"].Value, "1409659813", "1372623149", encrypted));
        Assert.Equal(message, Application.Decrypt(encrypted));
        Assert.Equal(encrypted, WeComEnvelope.Parse(reply).Encrypt);
    }

    [Fact]
    public void The_robot_json_reply_has_exactly_encrypt_msgsignature_timestamp_and_nonce()
    {
        const string message = """{"msgtype":"stream","stream":{"id":"s1","finish":true,"content":"已记下：苹果+1"}}""";

        var reply = WeComPassiveReply.RobotJson(Robot, message, 1641002400, "263014780");

        using var json = JsonDocument.Parse(reply);
        var root = json.RootElement;
        Assert.Equal(["encrypt", "msgsignature", "timestamp", "nonce"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Number, root.GetProperty("timestamp").ValueKind);
        Assert.Equal(1641002400, root.GetProperty("timestamp").GetInt64());
        Assert.Equal("263014780", root.GetProperty("nonce").GetString());

        var encrypted = root.GetProperty("encrypt").GetString()!;
        Assert.DoesNotContain("\\u002B", reply, StringComparison.Ordinal);
        Assert.True(Robot.VerifySignature(root.GetProperty("msgsignature").GetString(), "1641002400", "263014780", encrypted));
        Assert.Equal(message, Robot.Decrypt(encrypted));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc]]>def")]
    [InlineData("abc\ndef")]
    public void Reply_builders_refuse_a_nonce_that_could_break_the_envelope(string nonce)
    {
        Assert.ThrowsAny<ArgumentException>(() => WeComPassiveReply.Xml(Application, "<xml/>", 1, nonce));
        Assert.ThrowsAny<ArgumentException>(() => WeComPassiveReply.RobotJson(Robot, "{}", 1, nonce));
    }
}
