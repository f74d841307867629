namespace GroupBuy.BotHost.Channels.WeCom;

/// <summary>Which check an encrypted WeCom payload failed. All of them mean "answer 400, store nothing".</summary>
internal enum WeComCryptoFailure
{
    /// <summary>The ciphertext is not Base64.</summary>
    BadBase64,

    /// <summary>The ciphertext is empty or not a whole number of 32-byte blocks (e.g. truncated).</summary>
    BadBlockLength,

    /// <summary>The PKCS#7 padding (1–32 bytes, all equal to their count) is not there.</summary>
    BadPadding,

    /// <summary>The plaintext is too short for its header, or its length field claims more than it holds.</summary>
    BadLength,

    /// <summary>The message bytes are not UTF-8.</summary>
    BadText,

    /// <summary>The receive id after the message is not the one this endpoint is configured for.</summary>
    ReceiveIdMismatch,
}
