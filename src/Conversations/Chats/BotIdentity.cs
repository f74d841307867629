using Microsoft.Extensions.Configuration;

namespace GroupBuy.Conversations.Chats;

/// <summary>How residents address the bot (<c>Bot:Name</c>, default 团购助手): "@团购助手 帮助".</summary>
public sealed record BotIdentity(string Name)
{
    public const string NameKey = "Bot:Name";
    public const string DefaultName = "团购助手";

    public static BotIdentity FromConfiguration(IConfiguration configuration)
    {
        var name = configuration[NameKey];
        return new BotIdentity(string.IsNullOrWhiteSpace(name) ? DefaultName : name.Trim());
    }
}
