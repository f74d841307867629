using System.Text.Json;

namespace GroupBuy.BotHost.Channels.WeCom;

/// <summary>
/// A decrypted intelligent robot (智能机器人) callback. Text, image and mixed (图文混排) messages
/// carry <see cref="Text"/> and/or <see cref="ImageUrl"/>; other types (voice, file, video, stream
/// refreshes, events, and whatever WeCom adds) parse with those null rather than fail.
/// </summary>
/// <param name="MsgId">The dedup key: WeCom may deliver the same callback more than once.</param>
/// <param name="ChatId">Group chats only.</param>
/// <param name="ChatType">"group" or "single"; absent on some events (enter_chat).</param>
/// <param name="ResponseUrl">Temporary URL for an active reply to this message.</param>
/// <param name="Text">
/// The text as sent, including the leading "@机器人" in groups; for mixed messages the text items
/// joined by newlines.
/// </param>
/// <param name="ImageUrl">The (first) image's download URL; the file behind it is encrypted with the same key.</param>
/// <param name="StreamId">Stream refresh callbacks (msgtype "stream"): which streamed reply WeCom asks about.</param>
/// <param name="EventType">Events (msgtype "event"): enter_chat, template_card_event, feedback_event, …</param>
internal sealed record WeComRobotCallback(
    string MsgId,
    string? AiBotId,
    string? ChatId,
    string? ChatType,
    string FromUserId,
    string? ResponseUrl,
    string MsgType,
    string? Text,
    string? ImageUrl,
    string? StreamId,
    string? EventType)
{
    private const string What = "decrypted WeCom robot message";

    public bool IsGroup => ChatType == "group";

    /// <exception cref="FormatException">Not a JSON object, a required field is missing, or a field has the wrong type.</exception>
    public static WeComRobotCallback Parse(string json)
    {
        using var document = WeComJson.ParseObject(json, What);
        var root = document.RootElement;
        var msgType = WeComJson.RequiredString(root, What, "msgtype");

        var (text, imageUrl) = msgType switch
        {
            "text" => (WeComJson.OptionalString(root, What, "text", "content"), null),
            "image" => (null, WeComJson.OptionalString(root, What, "image", "url")),
            "mixed" => ReadMixed(root),
            _ => ((string?)null, (string?)null),
        };

        return new WeComRobotCallback(
            MsgId: WeComJson.RequiredString(root, What, "msgid"),
            AiBotId: WeComJson.OptionalString(root, What, "aibotid"),
            ChatId: WeComJson.OptionalString(root, What, "chatid"),
            ChatType: WeComJson.OptionalString(root, What, "chattype"),
            FromUserId: WeComJson.RequiredString(root, What, "from", "userid"),
            ResponseUrl: WeComJson.OptionalString(root, What, "response_url"),
            MsgType: msgType,
            Text: text,
            ImageUrl: imageUrl,
            StreamId: msgType == "stream" ? WeComJson.OptionalString(root, What, "stream", "id") : null,
            EventType: msgType == "event" ? WeComJson.OptionalString(root, What, "event", "eventtype") : null);
    }

    /// <summary>{"mixed":{"msg_item":[{"msgtype":"text","text":{…}},{"msgtype":"image","image":{…}}]}}.</summary>
    private static (string? Text, string? ImageUrl) ReadMixed(JsonElement root)
    {
        if (!root.TryGetProperty("mixed", out var mixed)
            || mixed.ValueKind != JsonValueKind.Object
            || !mixed.TryGetProperty("msg_item", out var items)
            || items.ValueKind != JsonValueKind.Array)
        {
            return (null, null);
        }

        var texts = new List<string>();
        string? imageUrl = null;
        foreach (var item in items.EnumerateArray())
        {
            switch (WeComJson.OptionalString(item, What, "msgtype"))
            {
                case "text" when WeComJson.OptionalString(item, What, "text", "content") is { } content:
                    texts.Add(content);
                    break;
                case "image":
                    imageUrl ??= WeComJson.OptionalString(item, What, "image", "url");
                    break;
            }
        }

        return (texts.Count == 0 ? null : string.Join('\n', texts), imageUrl);
    }
}
