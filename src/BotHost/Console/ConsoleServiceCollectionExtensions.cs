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
            // the page's own /console/campaigns/{id}/edit (schedules likewise). Added before the prefix below is applied.
            options.Conventions.AddPageRouteModelConvention("/Campaigns/Edit", model => model.Selectors.Add(new SelectorModel
            {
                AttributeRouteModel = new AttributeRouteModel { Template = "campaigns/new" },
            }));
            options.Conventions.AddPageRouteModelConvention("/Schedules/Edit", model => model.Selectors.Add(new SelectorModel
            {
                AttributeRouteModel = new AttributeRouteModel { Template = "schedules/new" },
            }));
            options.Conventions.AddFolderRouteModelConvention("/", model =>
            {
                foreach (var selector in model.Selectors)
                {
                    // A page with its own absolute route ("/console/templates/{name}") names the prefix itself.
                    var template = selector.AttributeRouteModel!.Template ?? string.Empty;
                    if (!template.StartsWith(RoutePrefix + "/", StringComparison.OrdinalIgnoreCase))
                    {
                        selector.AttributeRouteModel.Template = AttributeRouteModel.CombineTemplates(RoutePrefix, template);
                    }
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
        // Chinese stays Chinese in the HTML (still encoded: < > & " '), so pages read as they look.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
            options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<OpsAccounts>();
        services.AddScoped<Audit>();
        services.AddHostedService<FirstAccount>();
        return services;
    }
}
