using System.Security.Cryptography;
using GroupBuy.Conversations.Ops;
using GroupBuy.Conversations.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.BotHost.Console;

/// <summary>
/// Console accounts: created with a one-time password, signed in against a salted, iterated hash
/// (ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>), passwords changed by their owner.
/// </summary>
public sealed class OpsAccounts(GroupBuyDbContext db, TimeProvider clock)
{
    public const int MinPasswordLength = 10;

    // No 0/O, 1/l/I: a one-time password is read off a log line and typed by hand.
    private const string OneTimeAlphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private static readonly PasswordHasher<OpsAccount> Hasher = new();

    public static string NewOneTimePassword() => RandomNumberGenerator.GetString(OneTimeAlphabet, 16);

    /// <summary>Why a chosen password is refused, in words for the person choosing it; null when it is fine.</summary>
    public static string? PasswordProblem(string? password) =>
        string.IsNullOrEmpty(password) || password.Length < MinPasswordLength ? $"密码至少 {MinPasswordLength} 位。"
        : password.Length > 200 ? "密码最多 200 位。"
        : null;

    public Task<bool> AnyAsync(CancellationToken cancellationToken) => db.OpsAccounts.AnyAsync(cancellationToken);

    public Task<List<OpsAccount>> ListAsync(CancellationToken cancellationToken) =>
        db.OpsAccounts.AsNoTracking().OrderBy(a => a.UserName).ToListAsync(cancellationToken);

    /// <summary>Adds an account with a one-time password (to be changed at its first sign-in); the caller saves.</summary>
    public OpsAccount Add(string userName, string displayName, string role, string oneTimePassword)
    {
        var account = new OpsAccount(userName, displayName, role, "pending", mustChangePassword: true, clock.GetUtcNow());
        account.ResetPassword(Hasher.HashPassword(account, oneTimePassword));
        db.OpsAccounts.Add(account);
        return account;
    }

    public Task<bool> ExistsAsync(string userName, CancellationToken cancellationToken)
    {
        var normalized = OpsAccount.NormalizeUserName(userName);
        return db.OpsAccounts.AnyAsync(a => a.UserName == normalized, cancellationToken);
    }

    public Task<OpsAccount?> FindAsync(long id, CancellationToken cancellationToken) =>
        db.OpsAccounts.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);

    /// <summary>The account when the password is right and the account is enabled; the sign-in time is saved.</summary>
    public async Task<OpsAccount?> SignInAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var normalized = OpsAccount.NormalizeUserName(userName ?? string.Empty);
        var account = await db.OpsAccounts.FirstOrDefaultAsync(a => a.UserName == normalized, cancellationToken);
        if (account is null)
        {
            // Hash anyway, so a missing account takes as long as a wrong password.
            Hasher.VerifyHashedPassword(Unknown, UnknownHash, password ?? string.Empty);
            return null;
        }

        var result = Hasher.VerifyHashedPassword(account, account.PasswordHash, password ?? string.Empty);
        if (result == PasswordVerificationResult.Failed || account.Disabled)
        {
            return null;
        }

        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            account.Rehashed(Hasher.HashPassword(account, password!));
        }

        account.SignedIn(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return account;
    }

    public bool PasswordMatches(OpsAccount account, string password) =>
        Hasher.VerifyHashedPassword(account, account.PasswordHash, password ?? string.Empty) != PasswordVerificationResult.Failed;

    public void ChangePassword(OpsAccount account, string newPassword) => account.ChangePassword(Hasher.HashPassword(account, newPassword));

    public void ResetPassword(OpsAccount account, string oneTimePassword) => account.ResetPassword(Hasher.HashPassword(account, oneTimePassword));

    private static readonly OpsAccount Unknown = new("unknown", "unknown", OpsRole.Viewer, "x", mustChangePassword: false, DateTimeOffset.UnixEpoch);

    private static readonly string UnknownHash = Hasher.HashPassword(Unknown, NewOneTimePassword());
}
