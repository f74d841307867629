using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace GroupBuy.BotHost.Channels.WeCom;

/// <summary>
/// WeCom's callback encryption (the scheme of Tencent's WXBizMsgCrypt): SHA1 signatures over
/// token/timestamp/nonce/ciphertext, and AES-256-CBC over <c>16 random bytes + 4-byte big-endian
/// length + message + receive id</c>, padded PKCS#7-style to 32-byte blocks.
/// </summary>
/// <remarks>
/// Check <see cref="VerifySignature"/> before <see cref="Decrypt"/>: without the token nobody can sign
/// a tampered ciphertext, which is what makes it safe for Decrypt to say which check failed.
/// Immutable, so one instance can serve all requests.
/// </remarks>
internal sealed class WeComCallbackCrypto
{
    public const int RandomLength = 16;

    private const int KeyLength = 32;
    private const int EncodedKeyLength = 43;
    private const int LengthFieldSize = 4;
    private const int HeaderLength = RandomLength + LengthFieldSize;

    // WeCom pads to 32 bytes, not to the AES block of 16, so .NET's PKCS7 mode cannot be used.
    private const int PadBlock = 32;

    // Strict so that a message which is not UTF-8 is refused instead of silently turned into U+FFFD.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly string token;
    private readonly byte[] key;
    private readonly byte[] receiveId;

    /// <param name="token">The callback Token from the WeCom admin console.</param>
    /// <param name="encodingAesKey">The 43-character EncodingAESKey.</param>
    /// <param name="receiveId">
    /// The id WeCom appends to every message: the CorpID for application callbacks, the empty string
    /// for intelligent-robot (智能机器人) callbacks.
    /// </param>
    public WeComCallbackCrypto(string token, string encodingAesKey, string receiveId)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        ArgumentNullException.ThrowIfNull(encodingAesKey);
        ArgumentNullException.ThrowIfNull(receiveId);

        this.token = token;
        key = DecodeKey(encodingAesKey);
        this.receiveId = StrictUtf8.GetBytes(receiveId);
    }

    /// <summary>The msg_signature WeCom would send: lowercase hex SHA1 of the four strings sorted ordinally and joined.</summary>
    public string ComputeSignature(string timestamp, string nonce, string encrypted)
    {
        ArgumentNullException.ThrowIfNull(timestamp);
        ArgumentNullException.ThrowIfNull(nonce);
        ArgumentNullException.ThrowIfNull(encrypted);

        string[] parts = [token, timestamp, nonce, encrypted];
        Array.Sort(parts, StringComparer.Ordinal);

        // SHA1 is what the WeCom protocol signs with; it is not ours to choose.
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts)));
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>
    /// True when <paramref name="msgSignature"/> signs the other three with our token. Missing query
    /// values are simply not valid, so the endpoint can pass them straight through.
    /// </summary>
    public bool VerifySignature(string? msgSignature, string? timestamp, string? nonce, string? encrypted)
    {
        if (msgSignature is null || timestamp is null || nonce is null || encrypted is null)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(ComputeSignature(timestamp, nonce, encrypted));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.UTF8.GetBytes(msgSignature));
    }

    /// <summary>Opens an echostr or an Encrypt value and returns the message inside.</summary>
    /// <exception cref="WeComCryptoException">Any check failed; the message says which.</exception>
    public string Decrypt(string encrypted)
    {
        ArgumentNullException.ThrowIfNull(encrypted);

        byte[] cipher;
        try
        {
            cipher = Convert.FromBase64String(encrypted);
        }
        catch (FormatException)
        {
            throw new WeComCryptoException(WeComCryptoFailure.BadBase64, "The encrypted text is not valid Base64.");
        }

        if (cipher.Length == 0 || cipher.Length % PadBlock != 0)
        {
            throw new WeComCryptoException(
                WeComCryptoFailure.BadBlockLength,
                $"The ciphertext is {cipher.Length} bytes, not a whole number of {PadBlock}-byte blocks (truncated?).");
        }

        byte[] plain;
        using (var aes = CreateAes())
        {
            plain = aes.DecryptCbc(cipher, key.AsSpan(0, 16), PaddingMode.None);
        }

        var unpadded = StripPadding(plain);
        if (unpadded.Length < HeaderLength)
        {
            throw new WeComCryptoException(
                WeComCryptoFailure.BadLength,
                $"The plaintext is {unpadded.Length} bytes, shorter than its {HeaderLength}-byte header.");
        }

        var messageLength = BinaryPrimitives.ReadUInt32BigEndian(unpadded.Slice(RandomLength, LengthFieldSize));
        var available = unpadded.Length - HeaderLength;
        if (messageLength > (uint)available)
        {
            throw new WeComCryptoException(
                WeComCryptoFailure.BadLength,
                $"The length field says {messageLength} bytes but only {available} follow it.");
        }

        var messageBytes = unpadded.Slice(HeaderLength, (int)messageLength);
        var actualReceiveId = unpadded[(HeaderLength + (int)messageLength)..];
        if (!CryptographicOperations.FixedTimeEquals(actualReceiveId, receiveId))
        {
            throw new WeComCryptoException(
                WeComCryptoFailure.ReceiveIdMismatch,
                "The receive id in the message is not the configured one (another corp, app or robot?).");
        }

        try
        {
            return StrictUtf8.GetString(messageBytes);
        }
        catch (DecoderFallbackException)
        {
            throw new WeComCryptoException(WeComCryptoFailure.BadText, "The decrypted message is not valid UTF-8.");
        }
    }

    /// <summary>Encrypts a reply (or any message) for WeCom with fresh random bytes.</summary>
    public string Encrypt(string message)
    {
        Span<byte> random = stackalloc byte[RandomLength];
        RandomNumberGenerator.Fill(random);
        return Encrypt(message, random);
    }

    /// <summary>
    /// Encrypts with the given 16 leading bytes. Only tests should choose them: they make the output
    /// reproducible. Real replies use <see cref="Encrypt(string)"/>.
    /// </summary>
    public string Encrypt(string message, ReadOnlySpan<byte> random)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (random.Length != RandomLength)
        {
            throw new ArgumentException($"Exactly {RandomLength} random bytes are needed.", nameof(random));
        }

        var messageBytes = StrictUtf8.GetBytes(message);
        var contentLength = HeaderLength + messageBytes.Length + receiveId.Length;

        // A full block of 32s when the content already fills its blocks, so the pad is never empty.
        var pad = PadBlock - (contentLength % PadBlock);
        var plain = new byte[contentLength + pad];

        random.CopyTo(plain);
        BinaryPrimitives.WriteUInt32BigEndian(plain.AsSpan(RandomLength, LengthFieldSize), (uint)messageBytes.Length);
        messageBytes.CopyTo(plain, HeaderLength);
        receiveId.CopyTo(plain, HeaderLength + messageBytes.Length);
        plain.AsSpan(contentLength).Fill((byte)pad);

        using var aes = CreateAes();
        return Convert.ToBase64String(aes.EncryptCbc(plain, key.AsSpan(0, 16), PaddingMode.None));
    }

    private static byte[] DecodeKey(string encodingAesKey)
    {
        // Base64 of 32 bytes is 44 characters ending in one '='; WeCom hands out the 43 before it.
        Span<byte> decoded = stackalloc byte[KeyLength + 1];
        if (encodingAesKey.Length != EncodedKeyLength
            || !Convert.TryFromBase64String(encodingAesKey + "=", decoded, out var written)
            || written != KeyLength)
        {
            throw new ArgumentException(
                $"The EncodingAESKey must be {EncodedKeyLength} Base64 characters that decode to a {KeyLength}-byte AES key.",
                nameof(encodingAesKey));
        }

        return decoded[..KeyLength].ToArray();
    }

    /// <summary>
    /// Removes the 1–32 pad bytes, checking that all of them carry the pad count. The comparison
    /// runs over the whole candidate range either way, so its timing does not depend on where it fails.
    /// </summary>
    private static ReadOnlySpan<byte> StripPadding(byte[] plain)
    {
        int pad = plain[^1];
        var bad = pad is < 1 or > PadBlock ? 1 : 0;
        var count = Math.Min(Math.Max(pad, 1), PadBlock);
        for (var i = 1; i <= count; i++)
        {
            bad |= plain[^i] ^ pad;
        }

        if (bad != 0)
        {
            throw new WeComCryptoException(
                WeComCryptoFailure.BadPadding,
                $"The padding is not valid (it must be 1–{PadBlock} bytes, each equal to the count).");
        }

        return plain.AsSpan(0, plain.Length - pad);
    }

    private Aes CreateAes()
    {
        // A fresh instance per call: Aes objects are not safe to share across threads.
        var aes = Aes.Create();
        aes.Key = key;
        return aes;
    }
}
