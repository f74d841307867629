namespace GroupBuy.BotHost.Channels.WeCom.Api;

/// <summary>
/// A WeCom call did not succeed. The subclasses tell the caller what to do next: give up
/// (<see cref="WeComApiException"/>), wait (<see cref="WeComRateLimitedException"/>), try again
/// later (<see cref="WeComTransientException"/>) or stop until a setting is fixed
/// (<see cref="WeComConfigurationException"/>). Messages never carry secrets, access tokens or
/// robot keys.
/// </summary>
internal class WeComException : Exception
{
    public WeComException(string message)
        : base(message)
    {
    }

    public WeComException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public WeComException()
    {
    }
}
