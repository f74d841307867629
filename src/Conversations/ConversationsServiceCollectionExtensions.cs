using GroupBuy.Conversations.Storage;
using GroupBuy.Conversations.Templates;
using GroupBuy.Conversations.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GroupBuy.Conversations;

public static class ConversationsServiceCollectionExtensions
{
    public const string TemplatesPathKey = "Templates:Path";

    /// <summary>The domain: storage on the configured provider, templates, the business clock.</summary>
    public static IServiceCollection AddConversations(this IServiceCollection services, IConfiguration configuration)
    {
        var storage = StorageSettings.FromConfiguration(configuration);
        services.TryAddSingleton(storage);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(BusinessTimeZone.FromConfiguration(configuration));
        services.TryAddSingleton<StorageReadiness>();
        services.TryAddScoped<StorageMigrator>();

        switch (storage.Provider)
        {
            case StorageProvider.Postgres:
                services.AddDbContext<GroupBuyDbContext, PostgresGroupBuyDbContext>(o => o.UseNpgsql(storage.ConnectionString));
                break;
            default:
                services.AddDbContext<GroupBuyDbContext, SqliteGroupBuyDbContext>(o => o.UseSqlite(storage.ConnectionString));
                break;
        }

        var templatesPath = configuration[TemplatesPathKey];
        services.TryAddSingleton(new DefaultTemplates(string.IsNullOrWhiteSpace(templatesPath)
            ? Path.Combine(AppContext.BaseDirectory, "templates")
            : templatesPath));
        services.TryAddSingleton(new TemplateLimits());
        services.TryAddSingleton<MessageTemplates>();
        return services;
    }
}
