namespace GroupBuy.BotHost.Channels.WeCom.Api;

/// <summary>
/// A 企业群发 task to customer groups (externalcontact/add_msg_template with <c>chat_type: "group"</c>):
/// how an offer reaches a leader's building group of residents. WeCom does not post it: it asks
/// the <see cref="Sender"/> (the leader, owner of the groups) to confirm it in WeCom, and only then
/// sends it. <see cref="ChatIds"/> names the groups so the leader need not pick them (WeCom
/// 4.1.10+; at most 2000); without it the leader chooses among all groups they own.
/// </summary>
internal sealed record WeComGroupMessageTemplate(string Sender, string Text)
{
    public const int MaxTextBytes = 4000;
    public const int MaxChatIds = 2000;

    public IReadOnlyList<string> ChatIds { get; init; } = [];

    public IReadOnlyList<WeComGroupMessageAttachment> Attachments { get; init; } = [];
}
