using System.Text.Json.Serialization;
using GroupBuy.BotHost.Admin;
using GroupBuy.BotHost.Channels.Gateway;
using GroupBuy.BotHost.Channels.Simulator;
using GroupBuy.BotHost.Channels.WeCom;
using GroupBuy.BotHost.Console;
using GroupBuy.BotHost.Inbox;
using GroupBuy.BotHost.Ordering;
using GroupBuy.BotHost.Outbox;
using GroupBuy.BotHost.Startup;
using GroupBuy.BotHost.Templates;

namespace GroupBuy.BotHost;

internal static class BotHostServiceCollectionExtensions
{
    /// <summary>The web edge: JSON and problem details, admin auth, start-up migration.</summary>
    public static IServiceCollection AddBotHost(this IServiceCollection services)
    {
        // Settings checked and schema migrated before Hangfire's server or Kestrel start.
        services.AddHostedService<StartupChecks>();
        services.AddHostedService<TemplateRefresher>();
        services.AddHostedService<InboxWorker>();
        services.AddHostedService<OutboxWorker>();
        services.AddHostedService<AcknowledgementsWorker>();
        services.AddGatewayChannel();
        services.AddWeComChannel();
        services.AddSimulatorChannel();

        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
            options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip;
        });
        services.AddProblemDetails();
        services.AddExceptionHandler<Http.StorageUnavailableHandler>();
        services.AddAdminAuthentication();
        services.AddConsole();
        return services;
    }
}
