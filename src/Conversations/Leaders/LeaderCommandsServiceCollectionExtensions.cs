using Microsoft.Extensions.DependencyInjection;

namespace GroupBuy.Conversations.Leaders;

internal static class LeaderCommandsServiceCollectionExtensions
{
    /// <summary>Every leader command, each one class; the handler finds them by kind.</summary>
    public static IServiceCollection AddLeaderCommands(this IServiceCollection services)
    {
        services.AddScoped<ILeaderCommand, HelpCommand>();
        services.AddScoped<ILeaderCommand, PublishCommand>();
        services.AddScoped<ILeaderCommand, CutOffCommand>();
        services.AddScoped<ILeaderCommand, SummaryCommand>();
        services.AddScoped<ILeaderCommand, ArrivalCommand>();
        services.AddScoped<ILeaderCommand, PickupCommand>();
        services.AddScoped<ILeaderCommand, NotPickedUpCommand>();
        services.AddScoped<ILeaderCommand, ShortageCommand>();
        services.AddScoped<ILeaderCommand, RemindCommand>();
        services.AddScoped<ILeaderCommand, CommissionCommand>();
        return services;
    }
}
