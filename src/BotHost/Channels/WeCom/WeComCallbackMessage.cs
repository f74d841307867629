namespace GroupBuy.BotHost.Channels.WeCom;

/// <summary>
/// A decrypted application callback: a message (text, image, …) or an event. One flat record for
/// all of them because WeCom sends one flat element list; what does not apply to a type is null.
/// Elements we do not use are ignored, so new ones WeCom adds do not break parsing.
/// </summary>
/// <param name="ToUserName">The CorpID.</param>
/// <param name="FromUserName">The sender's userid, or "sys" for system events.</param>
/// <param name="MsgType">text, image, voice, video, location, link, event, …</param>
/// <param name="MsgId">Messages only; the dedup key. Kept as text: it is a 64-bit number.</param>
/// <param name="Event">Events only: change_external_chat, enter_agent, …</param>
/// <param name="ChatId">change_external_chat: the customer group (客户群).</param>
/// <param name="ChangeType">change_external_chat: create, update or dismiss.</param>
/// <param name="UpdateDetail">change_external_chat update: add_member, del_member, change_owner, change_name, change_notice.</param>
/// <param name="JoinScene">add_member: 0 invited by a member, 1 direct invite link, 3 QR code.</param>
/// <param name="MemChangeCnt">add_member/del_member: how many members changed.</param>
internal sealed record WeComCallbackMessage(
    string ToUserName,
    string FromUserName,
    DateTimeOffset CreateTime,
    string MsgType,
    string? Content,
    string? MsgId,
    string? PicUrl,
    string? MediaId,
    string? AgentId,
    string? Event,
    string? ChatId,
    string? ChangeType,
    string? UpdateDetail,
    int? JoinScene,
    int? MemChangeCnt)
{
    private const string What = "decrypted WeCom message";

    // DateTimeOffset's range in Unix seconds; anything outside is not a real CreateTime.
    private const long MaxUnixSeconds = 253_402_300_799;

    public bool IsEvent => MsgType == "event";

    /// <exception cref="FormatException">Not safe XML, a required element is missing, or a number is not one.</exception>
    public static WeComCallbackMessage Parse(string xml)
    {
        var root = WeComXml.ParseRoot(xml, What);

        var createTime = WeComXml.OptionalInt64(root, "CreateTime", What)
            ?? throw new FormatException($"The {What} has no <CreateTime> element.");
        if (createTime is < 0 or > MaxUnixSeconds)
        {
            throw new FormatException($"The {What}'s <CreateTime> element is out of range.");
        }

        return new WeComCallbackMessage(
            ToUserName: WeComXml.Required(root, "ToUserName", What),
            FromUserName: WeComXml.Required(root, "FromUserName", What),
            CreateTime: DateTimeOffset.FromUnixTimeSeconds(createTime),
            MsgType: WeComXml.Required(root, "MsgType", What),
            Content: WeComXml.Optional(root, "Content"),
            MsgId: WeComXml.Optional(root, "MsgId"),
            PicUrl: WeComXml.Optional(root, "PicUrl"),
            MediaId: WeComXml.Optional(root, "MediaId"),
            AgentId: WeComXml.Optional(root, "AgentID"),
            Event: WeComXml.Optional(root, "Event"),
            ChatId: WeComXml.Optional(root, "ChatId"),
            ChangeType: WeComXml.Optional(root, "ChangeType"),
            UpdateDetail: WeComXml.Optional(root, "UpdateDetail"),
            JoinScene: WeComXml.OptionalInt32(root, "JoinScene", What),
            MemChangeCnt: WeComXml.OptionalInt32(root, "MemChangeCnt", What));
    }
}
