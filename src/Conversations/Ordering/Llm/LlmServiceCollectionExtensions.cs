using GroupBuy.Conversations.AfterSales.Llm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GroupBuy.Conversations.Ordering.Llm;

public static class LlmServiceCollectionExtensions
{
    /// <summary>
    /// The LLM fallback for unclear order replies and after-sales complaints: <see cref="LlmSettings"/>
    /// from configuration (read when first needed), its own HttpClient with <see cref="LlmResilience"/>,
    /// <see cref="LlmReplyReader"/> and <see cref="IssueClassifier"/>. Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddLlmFallback(this IServiceCollection services)
    {
        // A second resilience handler on the same client would double the retries.
        if (services.Any(d => d.ServiceType == typeof(LlmReplyReader)))
        {
            return services;
        }

        services.TryAddSingleton(sp => LlmSettings.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        services.TryAddSingleton(TimeProvider.System);
        services
            .AddHttpClient(LlmChat.HttpClientName, (sp, client) =>
                // The pipeline ends every attempt first; this only backs it up.
                client.Timeout = LlmResilience.Budget(sp.GetRequiredService<LlmSettings>()) + TimeSpan.FromSeconds(5))
            // The factory's request logs add nothing the reader does not log itself (and would
            // show the endpoint's query, were one ever allowed).
            .RemoveAllLoggers()
            .AddResilienceHandler(LlmResilience.PipelineName, (builder, context) =>
                LlmResilience.Configure(builder, context.ServiceProvider.GetRequiredService<LlmSettings>()));
        services.AddSingleton<LlmReplyReader>();
        services.AddSingleton<IssueClassifier>();
        return services;
    }
}
