using GroupBuy.BotHost.Admin;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace GroupBuy.BotHost.Console;

internal static class ConsoleServiceCollectionExtensions
{
    public const string RoutePrefix = "console";

    /// <summary>
    /// The ops console: Razor Pages under <c>/console</c>, every page behind sign-in, every form
    /// with an antiforgery token (Razor Pages check it on each POST), changes for the ops role only.
    /// </summary>
    public static IServiceCollection AddConsole(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Console/Pages";

            // One form for a new draft and for editing a campaign: /console/campaigns/new besides
            // the page's own /console/campaigns/{id}/edit. Added before the prefix below is applied.
            options.Conventions.AddPageRouteModelConvention("/Campaigns/Edit", model => model.Selectors.Add(new SelectorModel
            {
                AttributeRouteModel = new AttributeRouteModel { Template = "campaigns/new" },
            }));
            options.Conventions.AddFolderRouteModelConvention("/", model =>
            {
                foreach (var selector in model.Selectors)
                {
                    selector.AttributeRouteModel!.Template = AttributeRouteModel.CombineTemplates(RoutePrefix, selector.AttributeRouteModel.Template);
                }
            });
            options.Conventions.AuthorizeFolder("/", AdminAuthentication.ConsolePolicy);
            options.Conventions.AllowAnonymousToPage("/Account/Login");
        }).AddMvcOptions(options => options.Filters.Add<ConsoleAccessFilter>());
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "groupbuy.antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.Configure<RouteOptions>(options => options.LowercaseUrls = true);
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<OpsAccounts>();
        services.AddScoped<Audit>();
        services.AddHostedService<FirstAccount>();
        return services;
    }
}
