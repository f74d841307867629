namespace GroupBuy.BotHost.Channels.WeCom;

/// <summary>
/// WeCom's intelligent group robot (智能机器人), configured apart from the application because it
/// has its own callback Token and EncodingAESKey: <c>WeCom:Robot:Token</c>, <c>WeCom:Robot:EncodingAesKey</c>.
/// Without both, <c>/webhooks/wecom/robot</c> answers 404.
/// </summary>
internal sealed class WeComRobotOptions
{
    public const string SectionName = "WeCom:Robot";

    public string? Token { get; set; }

    public string? EncodingAesKey { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Token) && !string.IsNullOrWhiteSpace(EncodingAesKey);
}
