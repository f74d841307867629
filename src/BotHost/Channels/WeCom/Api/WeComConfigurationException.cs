namespace GroupBuy.BotHost.Channels.WeCom.Api;

/// <summary>
/// WeCom cannot be used as configured: a setting is missing or WeCom refused it (wrong secret or
/// corp id, unknown agent id, server IP not trusted, permission missing). Trying again changes
/// nothing until someone fixes what the message names, so nothing retries it in a loop.
/// </summary>
internal sealed class WeComConfigurationException : WeComException
{
    public WeComConfigurationException(string message, string? settingKey, int? errorCode)
        : base(message)
    {
        SettingKey = settingKey;
        ErrorCode = errorCode;
    }

    public WeComConfigurationException(string message, string? settingKey, int? errorCode, Exception innerException)
        : base(message, innerException)
    {
        SettingKey = settingKey;
        ErrorCode = errorCode;
    }

    public WeComConfigurationException(string message)
        : base(message)
    {
    }

    public WeComConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public WeComConfigurationException()
    {
    }

    /// <summary>The configuration key to fix (e.g. <c>WeCom:Secret</c>), or null when the fix is in WeCom's admin console.</summary>
    public string? SettingKey { get; }

    /// <summary>WeCom's errcode when WeCom refused the setting; null when it was missing or the server was not WeCom.</summary>
    public int? ErrorCode { get; }
}
