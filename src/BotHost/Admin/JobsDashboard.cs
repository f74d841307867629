using Hangfire;
using Hangfire.Dashboard;

namespace GroupBuy.BotHost.Admin;

internal static class JobsDashboard
{
    /// <summary>The Hangfire dashboard at <c>/hangfire</c>, for signed-in admins only.</summary>
    public static IEndpointRouteBuilder MapJobsDashboard(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            DashboardTitle = "GroupBuy jobs",
            AppPath = null,
            // The endpoint policy below does the real check; this filter keeps the dashboard closed
            // even if someone maps it again without one.
            AsyncAuthorization = [new AdminOnlyDashboardFilter()],
        }).RequireAuthorization(AdminAuthentication.JobsPolicy);
        return endpoints;
    }

    private sealed class AdminOnlyDashboardFilter : IDashboardAsyncAuthorizationFilter
    {
        public Task<bool> AuthorizeAsync(DashboardContext context) =>
            Task.FromResult(context.GetHttpContext().User is var user && (user.IsInRole(AdminAuthentication.AdminRole) || user.IsInRole(GroupBuy.Conversations.Ops.OpsRole.Ops)));
    }
}
