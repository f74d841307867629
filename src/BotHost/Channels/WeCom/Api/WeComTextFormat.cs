namespace GroupBuy.BotHost.Channels.WeCom.Api;

/// <summary>How a text message is shown: WeCom's <c>text</c> or <c>markdown</c> msgtype.</summary>
internal enum WeComTextFormat
{
    Text,

    /// <summary>WeCom's markdown subset; WeChat users (微信插件) do not see it rendered.</summary>
    Markdown,
}
