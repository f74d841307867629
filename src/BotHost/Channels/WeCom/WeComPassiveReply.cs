using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GroupBuy.BotHost.Channels.WeCom;

/// <summary>
/// Builds the encrypted bodies that answer a callback with a message (被动回复): the message is
/// encrypted, then signed together with the timestamp and nonce given here.
/// </summary>
internal static class WeComPassiveReply
{
    // Base64's '+' and '/' stay literal (the default encoder writes \u002B); this is JSON for WeCom, not HTML.
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Application callbacks:
    /// <c>&lt;xml&gt;&lt;Encrypt&gt;&lt;![CDATA[…]]&gt;&lt;/Encrypt&gt;&lt;MsgSignature&gt;&lt;![CDATA[…]]&gt;&lt;/MsgSignature&gt;&lt;TimeStamp&gt;…&lt;/TimeStamp&gt;&lt;Nonce&gt;&lt;![CDATA[…]]&gt;&lt;/Nonce&gt;&lt;/xml&gt;</c>.
    /// </summary>
    /// <param name="message">The reply's plaintext XML (its own &lt;xml&gt; with MsgType, Content, …).</param>
    /// <param name="timestamp">Unix seconds, e.g. now or the callback's timestamp.</param>
    /// <param name="nonce">The callback's nonce, or a fresh one.</param>
    public static string Xml(WeComCallbackCrypto crypto, string message, long timestamp, string nonce)
    {
        ArgumentNullException.ThrowIfNull(crypto);
        CheckNonce(nonce);

        // Encrypt is Base64 and MsgSignature hex, and the nonce was checked: none can close the CDATA early.
        var (encrypted, signature, time) = Seal(crypto, message, timestamp, nonce);
        return $"<xml><Encrypt><![CDATA[{encrypted}]]></Encrypt><MsgSignature><![CDATA[{signature}]]></MsgSignature>"
            + $"<TimeStamp>{time}</TimeStamp><Nonce><![CDATA[{nonce}]]></Nonce></xml>";
    }

    /// <summary>
    /// Intelligent robot callbacks:
    /// <c>{"encrypt":"…","msgsignature":"…","timestamp":1641002400,"nonce":"…"}</c>, timestamp a
    /// number in seconds (WeCom doc 101033, 加密与被动回复).
    /// </summary>
    /// <param name="message">The reply's plaintext JSON (e.g. {"msgtype":"stream","stream":{…}}).</param>
    /// <param name="nonce">WeCom requires the nonce from the callback URL here.</param>
    public static string RobotJson(WeComCallbackCrypto crypto, string message, long timestamp, string nonce)
    {
        ArgumentNullException.ThrowIfNull(crypto);
        CheckNonce(nonce);

        var (encrypted, signature, _) = Seal(crypto, message, timestamp, nonce);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, JsonOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("encrypt", encrypted);
            writer.WriteString("msgsignature", signature);
            writer.WriteNumber("timestamp", timestamp);
            writer.WriteString("nonce", nonce);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static (string Encrypted, string Signature, string Timestamp) Seal(
        WeComCallbackCrypto crypto, string message, long timestamp, string nonce)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(timestamp);
        var time = timestamp.ToString(CultureInfo.InvariantCulture);
        var encrypted = crypto.Encrypt(message);
        return (encrypted, crypto.ComputeSignature(time, nonce, encrypted), time);
    }

    private static void CheckNonce(string nonce)
    {
        ArgumentException.ThrowIfNullOrEmpty(nonce);
        if (nonce.Contains("]]>", StringComparison.Ordinal) || nonce.Any(char.IsControl))
        {
            throw new ArgumentException("The nonce must not contain ']]>' or control characters.", nameof(nonce));
        }
    }
}
