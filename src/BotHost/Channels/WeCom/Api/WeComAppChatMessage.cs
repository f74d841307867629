namespace GroupBuy.BotHost.Channels.WeCom.Api;

/// <summary>
/// A message into an application group chat (cgi-bin/appchat/send). Only chats the application
/// created through appchat/create can be addressed, and they hold members only, no residents.
/// </summary>
internal sealed record WeComAppChatMessage(string ChatId, WeComTextFormat Format, string Content);
