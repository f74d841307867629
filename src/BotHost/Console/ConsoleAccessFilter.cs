using GroupBuy.Conversations.Ops;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace GroupBuy.BotHost.Console;

/// <summary>
/// One rule for every console page, so no page can forget it: viewers may look but every POST
/// needs the ops role, and someone signed in with a one-time password chooses their own first.
/// </summary>
internal sealed class ConsoleAccessFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var user = context.HttpContext.User;
        var page = context.ActionDescriptor.ViewEnginePath;
        var isAccountPage = page.StartsWith("/Account/", StringComparison.Ordinal);
        if (user.Identity?.IsAuthenticated == true && !isAccountPage && user.HasClaim(ConsoleClaims.MustChangePassword, "true"))
        {
            context.Result = new RedirectToPageResult("/Account/Password");
            return;
        }

        if (!isAccountPage && HttpMethods.IsPost(context.HttpContext.Request.Method) && !user.IsInRole(OpsRole.Ops))
        {
            context.Result = new ObjectResult(new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Forbidden",
                Detail = "查看账号只能浏览，不能修改。",
            })
            { StatusCode = StatusCodes.Status403Forbidden };
            return;
        }

        await next();
    }
}
