using System.Threading.RateLimiting;

namespace GroupBuy.BotHost.Console;

/// <summary>
/// Sign-in attempts are limited per client address and per account name, so neither one machine
/// trying many names nor many machines trying one account get far.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> byAddress = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

    private readonly PartitionedRateLimiter<string> byAccount = PartitionedRateLimiter.Create<string, string>(name =>
        RateLimitPartition.GetFixedWindowLimiter(name, _ => new FixedWindowRateLimiterOptions { PermitLimit = 20, Window = TimeSpan.FromMinutes(15), QueueLimit = 0 }));

    /// <summary>True when this attempt may go ahead; each call counts as one attempt.</summary>
    public bool TryAttempt(string address, string userName)
    {
        using var a = byAddress.AttemptAcquire(address);
        using var b = byAccount.AttemptAcquire(userName.Trim().ToLowerInvariant());
        return a.IsAcquired && b.IsAcquired;
    }

    public void Dispose()
    {
        byAddress.Dispose();
        byAccount.Dispose();
    }
}
