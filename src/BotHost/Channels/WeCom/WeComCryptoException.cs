namespace GroupBuy.BotHost.Channels.WeCom;

/// <summary>
/// An encrypted WeCom payload (echostr, callback Encrypt) could not be opened. The message says which
/// check failed and never quotes the payload, the key or the ids, so it can be logged as it is.
/// </summary>
internal sealed class WeComCryptoException : Exception
{
    public WeComCryptoException(WeComCryptoFailure failure, string message)
        : base(message)
    {
        Failure = failure;
    }

    public WeComCryptoFailure Failure { get; }
}
