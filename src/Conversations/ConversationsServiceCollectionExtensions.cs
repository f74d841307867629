using GroupBuy.Conversations.AfterSales;
using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Chats;
using GroupBuy.Conversations.Commission;
using GroupBuy.Conversations.Coupons;
using GroupBuy.Conversations.Inbox;
using GroupBuy.Conversations.Leaders;
using GroupBuy.Conversations.Marketing;
using GroupBuy.Conversations.Ordering;
using GroupBuy.Conversations.Ordering.Acknowledgements;
using GroupBuy.Conversations.Ordering.Llm;
using GroupBuy.Conversations.Ordering.Parsing;
using GroupBuy.Conversations.Outbox;
using GroupBuy.Conversations.PickLists;
using GroupBuy.Conversations.Reminders;
using GroupBuy.Conversations.Residents;
using GroupBuy.Conversations.Routing;
using GroupBuy.Conversations.Schedules;
using GroupBuy.Conversations.Segments;
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

    /// <summary>
    /// The domain: storage on the configured provider, templates, the business clock. Settings are
    /// read when first needed (at start-up, by the migrator), from the host's final configuration.
    /// </summary>
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => StorageSettings.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        services.TryAddSingleton(sp => BusinessTimeZone.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<StorageReadiness>();
        services.TryAddScoped<StorageMigrator>();

        services.AddDbContext<SqliteGroupBuyDbContext>((sp, options) =>
            options.UseSqlite(sp.GetRequiredService<StorageSettings>().ConnectionString));
        services.AddDbContextPool<PostgresGroupBuyDbContext>((sp, options) =>
            options.UseNpgsql(sp.GetRequiredService<StorageSettings>().PostgresDataConnectionString()));
        services.TryAddScoped<GroupBuyDbContext>(sp => sp.GetRequiredService<StorageSettings>().Provider switch
        {
            StorageProvider.Postgres => sp.GetRequiredService<PostgresGroupBuyDbContext>(),
            _ => sp.GetRequiredService<SqliteGroupBuyDbContext>(),
        });

        services.TryAddSingleton(sp =>
        {
            var path = sp.GetRequiredService<IConfiguration>()[TemplatesPathKey];
            return new DefaultTemplates(string.IsNullOrWhiteSpace(path) ? Path.Combine(AppContext.BaseDirectory, "templates") : path);
        });
        services.TryAddSingleton(new TemplateLimits());
        services.TryAddSingleton<TemplateOverrides>();
        services.TryAddSingleton<MessageTemplates>();
        services.TryAddScoped<TemplateStore>();

        services.TryAddSingleton(sp => BotIdentity.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        services.TryAddSingleton(sp => InboxSettings.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        services.TryAddSingleton(sp => OutboxSettings.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        services.TryAddSingleton(sp => AckSettings.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        services.TryAddSingleton<InboxSignal>();
        services.TryAddScoped<MessageInbox>();
        services.TryAddSingleton<InboxProcessor>();
        services.TryAddSingleton<OutboxDispatcher>();
        services.TryAddSingleton<ChannelDirectory>();
        services.TryAddScoped<MessageRouter>();
        services.TryAddScoped<ChatMemo>();
        services.TryAddScoped<CampaignPublishing>();
        services.TryAddScoped<CampaignItemEditor>();
        services.TryAddScoped<OrderBook>();
        services.TryAddSingleton<OrderAcknowledgements>();
        services.TryAddScoped<ResidentDirectory>();
        services.TryAddScoped<PickupCodes>();
        services.TryAddSingleton(sp => ReminderSettings.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        services.TryAddSingleton<PickupReminders>();
        services.TryAddScoped<PickListBuilder>();
        services.TryAddScoped<ProgressNotices>();
        services.TryAddSingleton(sp => DayPlanSettings.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        services.TryAddScoped<DayPlanNotices>();
        services.TryAddScoped<DueCutOffs>();
        services.TryAddScoped<GoodsArrival>();
        services.TryAddScoped<CampaignCutOff>();
        services.TryAddScoped<ScheduledPublishing>();
        services.TryAddSingleton(sp => CommissionRates.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        services.TryAddScoped<CommissionReports>();
        services.TryAddScoped<Segmentation>();
        services.TryAddScoped<ResidentSegments>();
        services.TryAddSingleton(sp => CouponSettings.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        services.TryAddScoped<CouponRedemption>();
        services.TryAddSingleton(sp => MarketingSettings.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        services.TryAddScoped<SegmentTreatments>();
        services.TryAddSingleton(sp => AfterSalesSettings.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        services.TryAddScoped<TicketMessenger>();
        services.TryAddScoped<TicketDesk>();
        services.TryAddScoped<TicketAnswers>();
        services.TryAddScoped<IntakeConversation>();
        services.TryAddSingleton<AfterSalesTimers>();
        services.TryAddSingleton<ReplyParser>();
        services.TryAddSingleton<ReplyReader>();
        services.AddLlmFallback();

        // The router asks handlers in registration order: after-sales dialogs and leader commands
        // go ahead of order replies as they arrive; help comes last but one, and whatever was said
        // to the bot that nobody took gets the "not understood" answer at the very end.
        // 退订 comes first: whoever says it, in whatever chat, means to stop marketing.
        services.AddScoped<IMessageHandler, UnsubscribeHandler>();
        services.AddLeaderCommands();
        services.AddScoped<IMessageHandler, LeaderCommandHandler>();
        // Ticket commands carry a ticket number ("退款 T1024"); without one, "退款" is a resident's
        // request, which the after-sales handler takes ahead of order replies ("苹果烂了" is not
        // an order), except "不想要了" while the order can still simply be cancelled.
        services.AddScoped<IMessageHandler, TicketCommandHandler>();
        services.AddScoped<IMessageHandler, AfterSalesHandler>();
        services.AddScoped<IMessageHandler, OrderReplyHandler>();
        services.AddScoped<IMessageHandler, HelpHandler>();
        services.AddScoped<IMessageHandler, UnansweredHandler>();
        return services;
    }
}
