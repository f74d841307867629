namespace GroupBuy.BotHost.Channels.WeCom.Api;

/// <summary>
/// A message a group robot (群机器人, cgi-bin/webhook/send) posts into its group. A robot may post at
/// most 20 messages a minute.
/// </summary>
internal abstract record WeComRobotMessage;

/// <summary>
/// Plain text (at most 2048 bytes). <see cref="MentionedUserIds"/> @-mentions members by userid and
/// <see cref="MentionedMobiles"/> by phone number; <c>"@all"</c> in either mentions everyone.
/// </summary>
internal sealed record WeComRobotText(string Content) : WeComRobotMessage
{
    public IReadOnlyList<string> MentionedUserIds { get; init; } = [];

    public IReadOnlyList<string> MentionedMobiles { get; init; } = [];
}

/// <summary>WeCom markdown (at most 4096 bytes); mentions go inline as <c>&lt;@userid&gt;</c>.</summary>
internal sealed record WeComRobotMarkdown(string Content) : WeComRobotMessage;

/// <summary>图文: one to eight article cards.</summary>
internal sealed record WeComRobotNews(IReadOnlyList<WeComRobotArticle> Articles) : WeComRobotMessage
{
    public const int MaxArticles = 8;
}
