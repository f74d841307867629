using GroupBuy.BotHost.Channels.WeCom;
using Xunit;

namespace GroupBuy.BotHost.Tests.Channels.WeCom;

public sealed class WeComEnvelopeTests
{
    [Fact]
    public void Parse_reads_Encrypt_ToUserName_and_AgentID()
    {
        var envelope = WeComEnvelope.Parse(WeComVectors.Tencent.MessageBody);

        Assert.Equal(WeComVectors.Tencent.MessageEncrypt, envelope.Encrypt);
        Assert.Equal(WeComVectors.Tencent.CorpId, envelope.ToUserName);
        Assert.Equal("218", envelope.AgentId);
    }

    [Fact]
    public void Parse_accepts_an_envelope_with_only_Encrypt()
    {
        Assert.Equal("abc", WeComEnvelope.Parse("<xml><Encrypt>abc</Encrypt></xml>").Encrypt);
    }

    [Theory]
    [InlineData("<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><AgentID>218</AgentID></xml>")]
    [InlineData("<xml><Encrypt><![CDATA[]]></Encrypt></xml>")]
    public void Parse_names_the_missing_Encrypt_element(string xml)
    {
        var ex = Assert.Throws<FormatException>(() => WeComEnvelope.Parse(xml));

        Assert.Contains("<Encrypt>", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not xml")]
    [InlineData("<xml><Encrypt>abc</Encrypt>")]
    [InlineData("<xml><Encrypt>abc</Encrypt></xml><xml/>")]
    [InlineData("<envelope><Encrypt>abc</Encrypt></envelope>")]
    public void Parse_rejects_malformed_xml(string xml)
    {
        Assert.Throws<FormatException>(() => WeComEnvelope.Parse(xml));
    }

    [Fact]
    public void Parse_rejects_a_DTD_instead_of_expanding_its_entities()
    {
        const string xml = """
            <?xml version="1.0"?>
            <!DOCTYPE xml [<!ENTITY e "expanded"><!ENTITY f SYSTEM "file:///etc/passwd">]>
            <xml><Encrypt>&e;&f;</Encrypt></xml>
            """;

        var ex = Assert.Throws<FormatException>(() => WeComEnvelope.Parse(xml));

        Assert.Contains("DTD", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_rejects_oversized_input_before_reading_it()
    {
        var xml = "<xml><Encrypt>" + new string('A', WeComXml.MaxCharacters) + "</Encrypt></xml>";

        var ex = Assert.Throws<FormatException>(() => WeComEnvelope.Parse(xml));

        Assert.Contains("more than", ex.Message, StringComparison.Ordinal);
    }
}
