namespace GroupBuy.BotHost.Channels.WeCom;

/// <summary>
/// The outer body WeCom POSTs to an application callback URL:
/// <c>&lt;xml&gt;&lt;ToUserName/&gt;&lt;Encrypt/&gt;&lt;AgentID/&gt;&lt;/xml&gt;</c>. Only
/// <see cref="Encrypt"/> matters (it is what the msg_signature covers); the others are unverified
/// until decrypted and are kept for diagnostics.
/// </summary>
internal sealed record WeComEnvelope(string Encrypt, string? ToUserName, string? AgentId)
{
    private const string What = "WeCom callback body";

    /// <exception cref="FormatException">Not safe XML, or no Encrypt element.</exception>
    public static WeComEnvelope Parse(string xml)
    {
        var root = WeComXml.ParseRoot(xml, What);
        return new WeComEnvelope(
            WeComXml.Required(root, "Encrypt", What),
            WeComXml.Optional(root, "ToUserName"),
            WeComXml.Optional(root, "AgentID"));
    }
}
