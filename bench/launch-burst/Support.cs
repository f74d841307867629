using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GroupBuy.LaunchBurst;

/// <summary>One clock for the whole run: requests, database polls and the sink's arrivals are all read from it.</summary>
internal static class RunClock
{
    private static readonly Stopwatch Watch = Stopwatch.StartNew();

    public static TimeSpan Now => Watch.Elapsed;
}

/// <summary>
/// Signs a webhook as a bridge does (<c>src/BotHost/Channels/Gateway/GatewaySignature.cs</c>):
/// <c>sha256=&lt;hex HMAC-SHA256(secret, "&lt;timestamp&gt;.&lt;raw body&gt;")&gt;</c>, timestamp in unix seconds.
/// </summary>
internal static class BridgeSignature
{
    public const string TimestampHeader = "X-GroupBuy-Timestamp";
    public const string SignatureHeader = "X-GroupBuy-Signature";

    public static (string Timestamp, string Signature) Sign(string secret, byte[] body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var prefix = Encoding.UTF8.GetBytes(timestamp + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return (timestamp, "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed)));
    }
}

/// <summary>Latencies of one batch of requests; percentiles by nearest rank.</summary>
internal sealed class Latencies(IReadOnlyList<double> milliseconds)
{
    private readonly double[] sorted = [.. milliseconds.Order()];

    public int Count => sorted.Length;

    public double Percentile(double p)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public string Summary => Count == 0 ? "n/a" : $"p50 {Percentile(50):0} ms, p95 {Percentile(95):0} ms, p99 {Percentile(99):0} ms";
}

internal static class TempFiles
{
    public static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

internal static class Fmt
{
    public static string N(double value, string format = "#,0") => double.IsNaN(value) ? "n/a" : value.ToString(format, CultureInfo.InvariantCulture);

    public static string I(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string S(TimeSpan span) => span.TotalSeconds.ToString(span.TotalSeconds < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + " s";
}
