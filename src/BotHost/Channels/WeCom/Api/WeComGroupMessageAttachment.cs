namespace GroupBuy.BotHost.Channels.WeCom.Api;

/// <summary>An attachment of a 企业群发 message; WeCom takes at most 9 per message.</summary>
internal abstract record WeComGroupMessageAttachment
{
    public const int MaxPerMessage = 9;
}

/// <summary>
/// An image, by media id (from media/upload, valid 3 days) or by a picture URL from
/// media/uploadimg; WeCom uses the media id when both are given.
/// </summary>
internal sealed record WeComImageAttachment : WeComGroupMessageAttachment
{
    public string? MediaId { get; init; }

    public Uri? PictureUrl { get; init; }
}

/// <summary>A link card: title (at most 128 bytes), URL, optional description and picture.</summary>
internal sealed record WeComLinkAttachment(string Title, Uri Url) : WeComGroupMessageAttachment
{
    public string? Description { get; init; }

    public Uri? PictureUrl { get; init; }
}
