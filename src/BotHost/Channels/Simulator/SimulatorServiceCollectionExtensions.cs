using GroupBuy.Conversations.Chats;

namespace GroupBuy.BotHost.Channels.Simulator;

internal static class SimulatorServiceCollectionExtensions
{
    public static IServiceCollection AddSimulatorChannel(this IServiceCollection services)
    {
        services.AddSingleton<IChatChannel, SimulatorChannel>();
        services.AddScoped<SimulatorChat>();
        services.AddScoped<DemoCommunity>();
        services.AddHostedService<DemoOnFirstStart>();
        return services;
    }
}
