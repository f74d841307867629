namespace GroupBuy.BotHost.Channels.WeCom.Api;

/// <summary>One card of a robot news message: title (at most 128 bytes), link, optional text and picture.</summary>
internal sealed record WeComRobotArticle(string Title, Uri Url)
{
    /// <summary>At most 512 bytes; longer text is cut by WeCom.</summary>
    public string? Description { get; init; }

    /// <summary>JPG or PNG; 1068×455 for a large card, 150×150 for a small one.</summary>
    public Uri? PictureUrl { get; init; }
}
