using GroupBuy.Conversations.Ops;
using GroupBuy.Conversations.Storage;

namespace GroupBuy.BotHost.Console;

/// <summary>
/// On the first start (no console account at all) creates <c>admin</c> with a one-time password
/// and says it once in the log, so the person who started the service can sign in and choose their
/// own. Hosts starting together race on the unique name; only the winner says anything.
/// </summary>
internal sealed partial class FirstAccount(IServiceScopeFactory scopes, ILogger<FirstAccount> logger) : IHostedService
{
    public const string UserName = "admin";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<OpsAccounts>();
        if (await accounts.AnyAsync(cancellationToken))
        {
            return;
        }

        var password = OpsAccounts.NewOneTimePassword();
        accounts.Add(UserName, "管理员", OpsRole.Ops, password);
        try
        {
            await scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>().SaveChangesAsync(cancellationToken);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            return;
        }

        LogCreated(UserName, password);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "No console account existed, so '{UserName}' was created with the one-time password {Password} . Sign in at /console; you will be asked to choose your own password. This is the only time it is shown.")]
    private partial void LogCreated(string userName, string password);
}
