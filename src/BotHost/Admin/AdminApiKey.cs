using System.Security.Cryptography;
using System.Text;

namespace GroupBuy.BotHost.Admin;

/// <summary>
/// The admin bearer key (<c>Admin:ApiKey</c>). With no key configured nobody is admin: the admin
/// surface fails closed instead of opening up.
/// </summary>
internal sealed class AdminApiKey
{
    public const string ConfigurationKey = "Admin:ApiKey";

    private readonly byte[]? keyHash;

    public AdminApiKey(IConfiguration configuration)
    {
        var key = configuration[ConfigurationKey];
        keyHash = string.IsNullOrEmpty(key) ? null : Hash(key);
    }

    public bool IsConfigured => keyHash is not null;

    /// <summary>Constant-time comparison of hashes, so neither content nor length leaks through timing.</summary>
    public bool Matches(string? candidate) =>
        keyHash is not null && candidate is not null && CryptographicOperations.FixedTimeEquals(keyHash, Hash(candidate));

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
