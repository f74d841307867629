using GroupBuy.BotHost.Channels.WeCom.Api;
using GroupBuy.Conversations.Chats;
using GroupBuy.Conversations.Routing;

namespace GroupBuy.BotHost.Channels.WeCom;

internal static class WeComServiceCollectionExtensions
{
    public static IServiceCollection AddWeComChannel(this IServiceCollection services)
    {
        services.AddWeComApi();
        services.AddOptions<WeComRobotOptions>().BindConfiguration(WeComRobotOptions.SectionName);
        services.AddSingleton<IChatChannel, WeComChannel>();
        services.AddScoped<IMessageHandler, WeComGroupEvents>();
        return services;
    }
}
