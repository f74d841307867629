using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace GroupBuy.BotHost.Tests.Channels.WeCom;

/// <summary>
/// AES-256-CBC by hand, independent of the code under test, for checking its output and for
/// crafting ciphertexts it must refuse (bad padding, lying length fields).
/// </summary>
internal static class WeComTestCipher
{
    public static byte[] Key(string encodingAesKey) => Convert.FromBase64String(encodingAesKey + "=");

    public static byte[] DecryptRaw(string encodingAesKey, string encrypted)
    {
        using var aes = Aes.Create();
        var key = Key(encodingAesKey);
        aes.Key = key;
        return aes.DecryptCbc(Convert.FromBase64String(encrypted), key.AsSpan(0, 16), PaddingMode.None);
    }

    /// <summary>Encrypts exactly these bytes (a multiple of 16): any padding is the caller's.</summary>
    public static string EncryptRaw(string encodingAesKey, byte[] plain)
    {
        using var aes = Aes.Create();
        var key = Key(encodingAesKey);
        aes.Key = key;
        return Convert.ToBase64String(aes.EncryptCbc(plain, key.AsSpan(0, 16), PaddingMode.None));
    }

    /// <summary>16 zero bytes + length field + message + receive id, unpadded.</summary>
    public static byte[] Content(string message, string receiveId, uint? lengthField = null)
    {
        var messageBytes = Encoding.UTF8.GetBytes(message);
        var receiveIdBytes = Encoding.UTF8.GetBytes(receiveId);
        var content = new byte[20 + messageBytes.Length + receiveIdBytes.Length];
        BinaryPrimitives.WriteUInt32BigEndian(content.AsSpan(16, 4), lengthField ?? (uint)messageBytes.Length);
        messageBytes.CopyTo(content, 20);
        receiveIdBytes.CopyTo(content, 20 + messageBytes.Length);
        return content;
    }

    /// <summary>The content padded the WeCom way: 1–32 bytes, each holding the count.</summary>
    public static byte[] Pad(byte[] content)
    {
        var pad = 32 - (content.Length % 32);
        return [.. content, .. Enumerable.Repeat((byte)pad, pad)];
    }
}
