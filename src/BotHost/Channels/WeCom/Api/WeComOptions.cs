namespace GroupBuy.BotHost.Channels.WeCom.Api;

/// <summary>
/// The WeCom (企业微信) self-built application, bound from the <c>WeCom</c> configuration section.
/// Secret, Token and EncodingAesKey are secrets: set them through environment variables or a
/// secret store, never in appsettings.json.
/// </summary>
internal sealed class WeComOptions
{
    public const string SectionName = "WeCom";
    public const string DefaultApiBaseUrl = "https://qyapi.weixin.qq.com";

    public const string CorpIdKey = SectionName + ":" + nameof(CorpId);
    public const string TokenKey = SectionName + ":" + nameof(Token);
    public const string EncodingAesKeyKey = SectionName + ":" + nameof(EncodingAesKey);
    public const string AgentIdKey = SectionName + ":" + nameof(AgentId);
    public const string SecretKey = SectionName + ":" + nameof(Secret);
    public const string ApiBaseUrlKey = SectionName + ":" + nameof(ApiBaseUrl);

    /// <summary>企业ID, shown under 我的企业 → 企业信息.</summary>
    public string? CorpId { get; set; }

    /// <summary>The callback Token (接收消息 → Token), used to verify callback signatures.</summary>
    public string? Token { get; set; }

    /// <summary>The callback EncodingAESKey (43 characters), used to decrypt callbacks.</summary>
    public string? EncodingAesKey { get; set; }

    /// <summary>The application's AgentId; message/send needs it.</summary>
    public int AgentId { get; set; }

    /// <summary>The application's Secret (corpsecret for gettoken).</summary>
    public string? Secret { get; set; }

    /// <summary>WeCom's server API root; tests point it at a local fake.</summary>
    public string? ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>Everything the channel needs, both directions, is set.</summary>
    public bool IsConfigured => MissingKeys().Count == 0;

    /// <summary>The configuration keys that still need a value, for messages that say what to fix.</summary>
    public IReadOnlyList<string> MissingKeys()
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(CorpId))
        {
            missing.Add(CorpIdKey);
        }

        if (string.IsNullOrWhiteSpace(Token))
        {
            missing.Add(TokenKey);
        }

        if (string.IsNullOrWhiteSpace(EncodingAesKey))
        {
            missing.Add(EncodingAesKeyKey);
        }

        if (AgentId <= 0)
        {
            missing.Add(AgentIdKey);
        }

        if (string.IsNullOrWhiteSpace(Secret))
        {
            missing.Add(SecretKey);
        }

        return missing;
    }

    /// <summary>The API root as a base address; a trailing slash so relative paths append instead of replacing.</summary>
    public Uri ApiBaseUri
    {
        get
        {
            var text = string.IsNullOrWhiteSpace(ApiBaseUrl) ? DefaultApiBaseUrl : ApiBaseUrl.Trim();
            return new Uri(text.EndsWith('/') ? text : text + "/", UriKind.Absolute);
        }
    }
}
