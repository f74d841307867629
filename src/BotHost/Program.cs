using GroupBuy.BotHost;
using GroupBuy.BotHost.Admin;
using GroupBuy.BotHost.AfterSales;
using GroupBuy.BotHost.Campaigns;
using GroupBuy.BotHost.Channels.Gateway;
using GroupBuy.BotHost.Channels.WeCom;
using GroupBuy.BotHost.Console;
using GroupBuy.BotHost.Outbox;
using GroupBuy.BotHost.Groups;
using GroupBuy.BotHost.Health;
using GroupBuy.BotHost.Leaders;
using GroupBuy.BotHost.Residents;
using GroupBuy.BotHost.Schedules;
using GroupBuy.BotHost.Templates;
using GroupBuy.Conversations;
using GroupBuy.Jobs;

try
{
    var builder = WebApplication.CreateBuilder(args);
    // A start that fails is reported below in one line naming the setting; the host's own
    // "failed to start" entry would repeat it with a stack trace. Other failures still surface
    // as unhandled exceptions.
    builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
    // The console's CSS and scripts come from wwwroot also when the build output is run directly
    // (as the process tests do), not only under `dotnet run` or after `dotnet publish`.
    builder.WebHost.UseStaticWebAssets();
    builder.Services.AddConversations();
    builder.Services.AddJobs();
    builder.Services.AddBotHost();

    var app = builder.Build();
    app.UseExceptionHandler();
    app.UseStatusCodePages();
    app.UseStaticFiles();
    app.UseAuthentication();
    app.UseAuthorization();
    app.UseAntiforgery();
    app.UseMiddleware<ApiChangeAudit>();

    app.MapHealth();
    app.MapAdminLogin();
    app.MapJobsDashboard();
    app.MapGroups();
    app.MapCampaigns();
    app.MapPickLists();
    app.MapProgressNotices();
    app.MapLeaders();
    app.MapSchedules();
    app.MapResidents();
    app.MapTickets();
    app.MapGatewayWebhook();
    app.MapWeComWebhooks();
    app.MapOutbox();
    app.MapTemplates();
    app.MapConsole();

    await app.RunAsync();
    return 0;
}
catch (InvalidSettingException ex)
{
    // A setting is wrong: say which, without a stack trace, and stop.
    await Console.Error.WriteLineAsync($"GroupBuy cannot start: {ex.Message}");
    return 1;
}

/// <summary>Entry point; public so host tests can start it in-process.</summary>
public partial class Program;
