namespace GroupBuy.BotHost.Channels.WeCom.Api;

/// <summary>
/// The errcodes this client acts on, from WeCom's global error code list (全局错误码,
/// developer.work.weixin.qq.com/document/path/90313) and the API pages they come from. Any other
/// non-zero errcode is reported as a plain <see cref="WeComApiException"/>.
/// </summary>
internal static class WeComErrorCodes
{
    /// <summary>系统繁忙: WeCom suggests waiting and retrying, at most 3 times.</summary>
    public const int SystemBusy = -1;

    public const int Ok = 0;

    /// <summary>不合法的secret参数 (gettoken).</summary>
    public const int InvalidSecret = 40001;

    /// <summary>不合法的CorpID (gettoken).</summary>
    public const int InvalidCorpId = 40013;

    /// <summary>不合法的access_token: revoked early or never valid; fetch a new one.</summary>
    public const int InvalidAccessToken = 40014;

    /// <summary>不合法的agentid (message/send).</summary>
    public const int InvalidAgentId = 40056;

    /// <summary>secret不合法, e.g. another corp's secret (gettoken).</summary>
    public const int SecretOfAnotherCorp = 40091;

    /// <summary>access_token已过期.</summary>
    public const int AccessTokenExpired = 42001;

    /// <summary>接口调用超过限制 (api freq out of limit); also the group robot's answer past 20 messages a minute.</summary>
    public const int ApiFrequencyLimited = 45009;

    /// <summary>接口并发调用超过限制 (api concurrent out of limit).</summary>
    public const int ApiConcurrencyLimited = 45033;

    /// <summary>API接口无权限调用, e.g. the app has no 客户联系 permission for add_msg_template.</summary>
    public const int ApiNotPermitted = 48002;

    /// <summary>应用已禁用.</summary>
    public const int ApplicationDisabled = 50003;

    /// <summary>访问ip不在白名单之中: the server's IP is not in the app's 企业可信IP list.</summary>
    public const int IpNotTrusted = 60020;

    /// <summary>invalid webhook url: the group robot key is wrong or the robot was removed.</summary>
    public const int InvalidRobotKey = 93000;

    /// <summary>The cached access token is no good; a fresh one may succeed (retried once).</summary>
    public static bool IsStaleAccessToken(int errorCode) => errorCode is InvalidAccessToken or AccessTokenExpired;

    /// <summary>
    /// How long to hold off after a rate-limit errcode. WeCom blocks a minute-window breach for 60
    /// seconds (访问频率限制: 按分钟拦截则被屏蔽60秒), and that is the common case; hour and day windows
    /// last longer and the outbox widens its back-off when the limit repeats. Concurrency clears as
    /// soon as other calls finish.
    /// </summary>
    public static TimeSpan? RetryAfter(int errorCode) => errorCode switch
    {
        ApiFrequencyLimited => TimeSpan.FromSeconds(60),
        ApiConcurrencyLimited => TimeSpan.FromSeconds(5),
        _ => null,
    };

    /// <summary>The exception for a non-zero errcode: what the caller should do next is in its type.</summary>
    public static WeComException ToException(string api, int errorCode, string errorMessage)
    {
        if (errorCode == SystemBusy)
        {
            return new WeComTransientException(api, $"WeCom {api} answered errcode -1 (system busy): {errorMessage}", mayHaveBeenDelivered: false, errorCode: errorCode);
        }

        if (RetryAfter(errorCode) is { } retryAfter)
        {
            return new WeComRateLimitedException(api, errorCode, errorMessage, retryAfter);
        }

        return errorCode switch
        {
            InvalidSecret or SecretOfAnotherCorp => Configuration(api, errorCode, WeComOptions.SecretKey,
                $"WeCom refused the application secret (errcode {errorCode}). Set {WeComOptions.SecretKey} to the Secret of the application whose AgentId is {WeComOptions.AgentIdKey}, in the corp named by {WeComOptions.CorpIdKey}."),
            InvalidCorpId => Configuration(api, errorCode, WeComOptions.CorpIdKey,
                $"WeCom does not know the corp id (errcode {errorCode}). Set {WeComOptions.CorpIdKey} to the 企业ID shown under 我的企业 → 企业信息."),
            InvalidAgentId => Configuration(api, errorCode, WeComOptions.AgentIdKey,
                $"WeCom does not know the application (errcode {errorCode}). Set {WeComOptions.AgentIdKey} to the AgentId of the application whose Secret is {WeComOptions.SecretKey}."),
            IpNotTrusted => Configuration(api, errorCode, null,
                $"WeCom refuses calls from this server's IP address (errcode {errorCode}). Add the server's public IP to the application's 企业可信IP list in the WeCom admin console."),
            ApiNotPermitted => Configuration(api, errorCode, null,
                $"The WeCom application may not call {api} (errcode {errorCode}). Grant it the permission in the WeCom admin console (for add_msg_template: 客户联系 → 可调用接口的应用)."),
            ApplicationDisabled => Configuration(api, errorCode, null,
                $"The WeCom application is disabled (errcode {errorCode}). Enable it in the WeCom admin console (应用管理)."),
            _ => new WeComApiException(api, errorCode, errorMessage),
        };
    }

    private static WeComConfigurationException Configuration(string api, int errorCode, string? settingKey, string message) =>
        new($"{message} (WeCom {api})", settingKey, errorCode);
}
