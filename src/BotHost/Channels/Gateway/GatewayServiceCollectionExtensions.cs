using GroupBuy.Conversations.Chats;

namespace GroupBuy.BotHost.Channels.Gateway;

internal static class GatewayServiceCollectionExtensions
{
    public static IServiceCollection AddGatewayChannel(this IServiceCollection services)
    {
        services.AddOptions<GatewayOptions>().BindConfiguration(GatewayOptions.Section);
        services.AddHttpClient(GatewayChannel.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<IChatChannel, GatewayChannel>();
        return services;
    }
}
