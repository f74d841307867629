using GroupBuy.Conversations.Storage;

namespace GroupBuy.Conversations.Ops;

/// <summary>
/// A named person who signs in to the console. Only the password's hash is kept (the host hashes
/// with ASP.NET Core Identity's hasher); a password handed out by someone else must be changed at
/// the first sign-in.
/// </summary>
public sealed class OpsAccount : IVersioned
{
    public const int MaxUserNameLength = 64;

    private OpsAccount()
    {
        UserName = DisplayName = PasswordHash = Role = string.Empty;
    }

    public OpsAccount(string userName, string displayName, string role, string passwordHash, bool mustChangePassword, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);
        if (!OpsRole.IsKnown(role))
        {
            throw new ArgumentException($"Unknown role '{role}'.", nameof(role));
        }

        UserName = NormalizeUserName(userName);
        DisplayName = string.IsNullOrWhiteSpace(displayName) ? UserName : displayName.Trim();
        Role = role;
        PasswordHash = passwordHash;
        MustChangePassword = mustChangePassword;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }

    /// <summary>Lower-case, trimmed; unique.</summary>
    public string UserName { get; private set; }

    public string DisplayName { get; private set; }

    public string Role { get; private set; }

    public string PasswordHash { get; private set; }

    public bool MustChangePassword { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? LastSignedInAt { get; private set; }

    public bool Disabled { get; private set; }

    public int Version { get; set; }

    public bool MayChange => Role == OpsRole.Ops;

    public static string NormalizeUserName(string userName) => userName.Trim().ToLowerInvariant();

    public void SignedIn(DateTimeOffset now) => LastSignedInAt = now;

    /// <summary>A rehash on sign-in (the hasher's format moved on) keeps the same password.</summary>
    public void Rehashed(string passwordHash) => PasswordHash = passwordHash;

    public void ChangePassword(string passwordHash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);
        PasswordHash = passwordHash;
        MustChangePassword = false;
    }

    public void ResetPassword(string passwordHash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);
        PasswordHash = passwordHash;
        MustChangePassword = true;
    }

    public void Assign(string role, string displayName)
    {
        if (!OpsRole.IsKnown(role))
        {
            throw new ArgumentException($"Unknown role '{role}'.", nameof(role));
        }

        Role = role;
        DisplayName = string.IsNullOrWhiteSpace(displayName) ? UserName : displayName.Trim();
    }

    public void Disable() => Disabled = true;

    public void Enable() => Disabled = false;
}
