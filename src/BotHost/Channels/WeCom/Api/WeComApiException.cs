namespace GroupBuy.BotHost.Channels.WeCom.Api;

/// <summary>
/// WeCom answered with a non-zero errcode that trying again will not fix (bad user id, chat not
/// found, content refused, …). The errcode is WeCom's global error code (全局错误码).
/// </summary>
internal class WeComApiException : WeComException
{
    public WeComApiException(string api, int errorCode, string errorMessage)
        : base($"WeCom {api} failed with errcode {errorCode}: {errorMessage}")
    {
        Api = api;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
    }

    public WeComApiException(string message)
        : base(message)
    {
        Api = string.Empty;
        ErrorMessage = message;
    }

    public WeComApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Api = string.Empty;
        ErrorMessage = message;
    }

    public WeComApiException()
    {
        Api = string.Empty;
        ErrorMessage = string.Empty;
    }

    /// <summary>The API path that failed, e.g. <c>message/send</c>.</summary>
    public string Api { get; }

    public int ErrorCode { get; }

    /// <summary>WeCom's errmsg as given (it names no secret; it may carry a hint id for WeCom support).</summary>
    public string ErrorMessage { get; }
}
