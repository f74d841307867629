using System.Net;

namespace GroupBuy.BotHost.Channels.WeCom.Api;

/// <summary>
/// WeCom could not be reached or answered 5xx / timed out / was busy (errcode -1), after the
/// resilience pipeline's own retries. Worth trying again later. When
/// <see cref="MayHaveBeenDelivered"/> is true the request may have reached WeCom before the failure,
/// so a blind resend of a send without WeCom's duplicate check can post the message twice.
/// </summary>
internal sealed class WeComTransientException : WeComException
{
    public WeComTransientException(string api, string message, bool mayHaveBeenDelivered, HttpStatusCode? statusCode = null, int? errorCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Api = api;
        MayHaveBeenDelivered = mayHaveBeenDelivered;
        StatusCode = statusCode;
        ErrorCode = errorCode;
    }

    public WeComTransientException(string message)
        : base(message)
    {
        Api = string.Empty;
    }

    public WeComTransientException(string message, Exception innerException)
        : base(message, innerException)
    {
        Api = string.Empty;
    }

    public WeComTransientException()
    {
        Api = string.Empty;
    }

    public string Api { get; }

    public bool MayHaveBeenDelivered { get; }

    /// <summary>The last HTTP status WeCom's side answered, when there was one.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>WeCom's errcode when it answered "system busy" (-1).</summary>
    public int? ErrorCode { get; }
}
