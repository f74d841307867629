using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GroupBuy.BotHost.Channels.Gateway;

/// <summary>
/// <c>X-GroupBuy-Signature: sha256=&lt;hex HMAC-SHA256(secret, "&lt;timestamp&gt;.&lt;raw body&gt;")&gt;</c>
/// with <c>X-GroupBuy-Timestamp</c> in unix seconds, accepted within 300 s of now. Used for
/// webhooks from the bridge and for our POSTs to it.
/// </summary>
public static class GatewaySignature
{
    public const string TimestampHeader = "X-GroupBuy-Timestamp";
    public const string SignatureHeader = "X-GroupBuy-Signature";
    public static readonly TimeSpan ReplayWindow = TimeSpan.FromSeconds(300);

    private const string Prefix = "sha256=";

    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var mac = Compute(secret, timestamp, body);
        return Prefix + Convert.ToHexStringLower(mac);
    }

    /// <summary>Why the request is refused, or null when the signature is good and fresh.</summary>
    public static string? Check(string secret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(timestamp) || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return $"{TimestampHeader} is missing or not unix seconds.";
        }

        if (seconds < 0 || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > ReplayWindow)
        {
            return $"{TimestampHeader} is more than {ReplayWindow.TotalSeconds:0} s from now.";
        }

        if (string.IsNullOrEmpty(signature) || !signature.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return $"{SignatureHeader} is missing or does not start with '{Prefix}'.";
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(signature.AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            return $"{SignatureHeader} is not hex.";
        }

        return CryptographicOperations.FixedTimeEquals(given, Compute(secret, timestamp, body))
            ? null
            : $"{SignatureHeader} does not match the body.";
    }

    private static byte[] Compute(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
    }
}
