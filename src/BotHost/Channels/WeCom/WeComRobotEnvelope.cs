namespace GroupBuy.BotHost.Channels.WeCom;

/// <summary>
/// The outer body WeCom POSTs to an intelligent robot (智能机器人) callback URL: <c>{"encrypt":"…"}</c>.
/// </summary>
internal sealed record WeComRobotEnvelope(string Encrypt)
{
    private const string What = "WeCom robot callback body";

    /// <exception cref="FormatException">Not a JSON object, or no encrypt string.</exception>
    public static WeComRobotEnvelope Parse(string json)
    {
        using var document = WeComJson.ParseObject(json, What);
        return new WeComRobotEnvelope(WeComJson.RequiredString(document.RootElement, What, "encrypt"));
    }
}
