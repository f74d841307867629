using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GroupBuy.BotHost.Channels.WeCom.Api;

internal static class WeComApiServiceCollectionExtensions
{
    /// <summary>
    /// WeCom's server API: <see cref="WeComOptions"/> bound from the "WeCom" section, the "WeCom"
    /// HttpClient with its resilience pipeline (<see cref="WeComResilience"/>), the access-token cache
    /// and <see cref="WeComApiClient"/>. Nothing is checked at start-up: a host without WeCom settings
    /// runs, and a send fails with a <see cref="WeComConfigurationException"/> naming the missing key.
    /// </summary>
    public static IServiceCollection AddWeComApi(this IServiceCollection services)
    {
        services.AddOptions<WeComOptions>().BindConfiguration(WeComOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);

        // A named client created per call from the factory: the token cache and the client are
        // singletons, and the factory keeps rotating the handlers underneath them.
        services
            .AddHttpClient(WeComHttp.ClientName, (sp, client) =>
            {
                client.BaseAddress = sp.GetRequiredService<IOptionsMonitor<WeComOptions>>().CurrentValue.ApiBaseUri;
                // The pipeline's own budget (30 s) ends a call first; this only backs it up.
                client.Timeout = TimeSpan.FromSeconds(60);
            })
            // HttpClient's own request logs show the URI, whose query holds the access token, the
            // corp secret or a robot key. They redact queries by default, but one app-wide switch
            // (System.Net.Http.DisableUriRedaction) turns that off; WeComHttp logs each call by its
            // API name instead.
            .RemoveAllLoggers()
            .AddResilienceHandler(WeComResilience.PipelineName, WeComResilience.Configure);

        services.TryAddSingleton<WeComHttp>();
        services.TryAddSingleton<WeComAccessTokens>();
        services.TryAddSingleton<WeComApiClient>();
        return services;
    }
}
