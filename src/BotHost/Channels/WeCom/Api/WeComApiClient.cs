using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace GroupBuy.BotHost.Channels.WeCom.Api;

/// <summary>
/// WeCom's server API for sending: application messages, application group chats, group robots and
/// 企业群发 tasks to customer groups. Request bodies follow WeCom's documented JSON. Every failure
/// surfaces as a <see cref="WeComException"/> whose type says what to do next; nothing here loops.
/// </summary>
internal sealed class WeComApiClient
{
    private const string MessageSendApi = "message/send";
    private const string AppChatSendApi = "appchat/send";
    private const string RobotResponseApi = "aibot/response";
    private const string GroupChatGetApi = "externalcontact/groupchat/get";
    private const string RobotSendApi = "webhook/send";
    private const string AddMessageTemplateApi = "externalcontact/add_msg_template";

    private readonly WeComHttp http;
    private readonly WeComAccessTokens tokens;
    private readonly IOptionsMonitor<WeComOptions> options;
    private readonly TimeProvider clock;
    private readonly ILogger<WeComApiClient> logger;

    public WeComApiClient(WeComHttp http, WeComAccessTokens tokens, IOptionsMonitor<WeComOptions> options, TimeProvider clock, ILogger<WeComApiClient> logger)
    {
        this.http = http;
        this.tokens = tokens;
        this.options = options;
        this.clock = clock;
        this.logger = logger;
    }

    /// <summary>cgi-bin/message/send, text or markdown, with WeCom's duplicate check on.</summary>
    public async Task<WeComAppMessageResult> SendAppMessageAsync(WeComAppMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.ToUsers.Count == 0 && message.ToParties.Count == 0)
        {
            throw new ArgumentException("An application message needs at least one user or department.", nameof(message));
        }

        RequireContent(message.Content, nameof(message));
        if (message.DuplicateCheckInterval <= TimeSpan.Zero || message.DuplicateCheckInterval > WeComAppMessage.MaxDuplicateCheckInterval)
        {
            throw new ArgumentException("WeCom's duplicate check interval is from 1 second to 4 hours.", nameof(message));
        }

        var settings = options.CurrentValue;
        if (settings.AgentId <= 0)
        {
            throw Missing(WeComOptions.AgentIdKey);
        }

        var msgType = MsgType(message.Format);
        var body = new JsonObject
        {
            ["msgtype"] = msgType,
            ["agentid"] = settings.AgentId,
            [msgType] = new JsonObject { ["content"] = message.Content },
            ["safe"] = 0,
            ["enable_duplicate_check"] = 1,
            ["duplicate_check_interval"] = (int)message.DuplicateCheckInterval.TotalSeconds,
        };
        if (message.ToUsers.Count > 0)
        {
            body["touser"] = string.Join('|', message.ToUsers);
        }

        if (message.ToParties.Count > 0)
        {
            body["toparty"] = string.Join('|', message.ToParties);
        }

        // The duplicate check makes a resend after an ambiguous failure harmless (see WeComResilience).
        var reply = await PostWithTokenAsync(MessageSendApi, "cgi-bin/message/send", body, retrySafe: true, cancellationToken);
        var result = new WeComAppMessageResult(reply.GetString("msgid"), reply.GetList("invaliduser"), reply.GetList("invalidparty"));
        if (result.InvalidUsers.Count > 0 || result.InvalidParties.Count > 0)
        {
            logger.LogWarning(
                "WeCom {Api} skipped {InvalidUsers} user(s) and {InvalidParties} department(s) outside the application's reach",
                MessageSendApi,
                result.InvalidUsers.Count,
                result.InvalidParties.Count);
        }

        return result;
    }

    /// <summary>cgi-bin/appchat/send, text or markdown, into a chat the application created.</summary>
    public async Task SendAppChatAsync(WeComAppChatMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(message.ChatId, nameof(message));
        RequireContent(message.Content, nameof(message));

        var msgType = MsgType(message.Format);
        var body = new JsonObject
        {
            ["chatid"] = message.ChatId,
            ["msgtype"] = msgType,
            [msgType] = new JsonObject { ["content"] = message.Content },
            ["safe"] = 0,
        };

        // No duplicate check on this API: never resent after an ambiguous failure.
        await PostWithTokenAsync(AppChatSendApi, "cgi-bin/appchat/send", body, retrySafe: false, cancellationToken);
    }

    /// <summary>
    /// cgi-bin/webhook/send for one group's robot. The key is that group's secret: it goes only into
    /// the request URI, which is never logged.
    /// </summary>
    public async Task SendRobotAsync(string robotKey, WeComRobotMessage message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(robotKey);
        ArgumentNullException.ThrowIfNull(message);

        var body = message switch
        {
            WeComRobotText text => RobotText(text),
            WeComRobotMarkdown markdown => RobotMarkdown(markdown),
            WeComRobotNews news => RobotNews(news),
            _ => throw new ArgumentException($"Unsupported robot message {message.GetType().Name}.", nameof(message)),
        };

        // No access token, and no duplicate check: never resent after an ambiguous failure.
        var reply = await http.PostAsync(RobotSendApi, $"cgi-bin/webhook/send?key={Uri.EscapeDataString(robotKey.Trim())}", WeComHttp.Serialize(body), retrySafe: false, cancellationToken);
        http.EnsureOk(RobotSendApi, reply);
    }

    /// <summary>
    /// externalcontact/groupchat/get: a customer group's name, owner and members, with names. Only
    /// reads, so it is safe to repeat.
    /// </summary>
    public async Task<WeComGroupChat> GetGroupChatAsync(string chatId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(chatId);
        var body = new JsonObject { ["chat_id"] = chatId, ["need_name"] = 1 };
        var reply = await PostWithTokenAsync(GroupChatGetApi, "cgi-bin/externalcontact/groupchat/get", body, retrySafe: true, cancellationToken);
        var chat = reply.GetObject("group_chat")
            ?? throw new WeComApiException(GroupChatGetApi, WeComErrorCodes.Ok, "The answer has no group_chat.");
        var members = chat.TryGetProperty("member_list", out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.Object).Select(m => new WeComGroupMember(
                Text(m, "userid") ?? string.Empty,
                m.TryGetProperty("type", out var type) && type.TryGetInt32(out var kind) ? kind : 0,
                Text(m, "name"),
                Text(m, "group_nickname"))).Where(m => m.UserId.Length > 0)]
            : new List<WeComGroupMember>();
        return new WeComGroupChat(Text(chat, "chat_id") ?? chatId, Text(chat, "name") ?? string.Empty, Text(chat, "owner") ?? string.Empty, members);

        static string? Text(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }

    /// <summary>
    /// Answers an intelligent-robot callback at the response_url it came with (markdown; usable once,
    /// for an hour). Only WeCom's own API host is called: the address comes from a signed callback,
    /// but a leaked token must not turn it into a way to make us call anywhere else.
    /// </summary>
    public async Task RespondToRobotAsync(Uri responseUrl, string markdown, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(responseUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(markdown);
        var api = options.CurrentValue.ApiBaseUri;
        if (!responseUrl.IsAbsoluteUri || Uri.Compare(responseUrl, api, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            throw new ArgumentException($"A robot response_url must be on {api.GetLeftPart(UriPartial.Authority)}.", nameof(responseUrl));
        }

        var body = new JsonObject
        {
            ["msgtype"] = "markdown",
            ["markdown"] = new JsonObject { ["content"] = markdown },
        };

        // One use per address: never resent after an ambiguous failure.
        var reply = await http.PostAsync(RobotResponseApi, responseUrl.PathAndQuery.TrimStart('/'), WeComHttp.Serialize(body), retrySafe: false, cancellationToken);
        http.EnsureOk(RobotResponseApi, reply);
    }

    /// <summary>
    /// externalcontact/add_msg_template to customer groups: creates a 群发 task the leader confirms in
    /// WeCom. Each group takes a limited number of these (see <see cref="WeComGroupMessageQuota"/>).
    /// </summary>
    public async Task<WeComGroupMessageTemplateResult> AddGroupMessageTemplateAsync(WeComGroupMessageTemplate template, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentException.ThrowIfNullOrWhiteSpace(template.Sender, nameof(template));
        RequireContent(template.Text, nameof(template));
        if (Encoding.UTF8.GetByteCount(template.Text) > WeComGroupMessageTemplate.MaxTextBytes)
        {
            throw new ArgumentException($"WeCom takes at most {WeComGroupMessageTemplate.MaxTextBytes} bytes of 群发 text.", nameof(template));
        }

        if (template.ChatIds.Count > WeComGroupMessageTemplate.MaxChatIds)
        {
            throw new ArgumentException($"WeCom takes at most {WeComGroupMessageTemplate.MaxChatIds} chat ids per 群发 task.", nameof(template));
        }

        if (template.Attachments.Count > WeComGroupMessageAttachment.MaxPerMessage)
        {
            throw new ArgumentException($"WeCom takes at most {WeComGroupMessageAttachment.MaxPerMessage} attachments per 群发 message.", nameof(template));
        }

        var body = new JsonObject
        {
            ["chat_type"] = "group",
            ["sender"] = template.Sender,
            ["text"] = new JsonObject { ["content"] = template.Text },
        };
        if (template.ChatIds.Count > 0)
        {
            body["chat_id_list"] = new JsonArray([.. template.ChatIds.Select(id => (JsonNode?)id)]);
        }

        if (template.Attachments.Count > 0)
        {
            body["attachments"] = new JsonArray([.. template.Attachments.Select(Attachment)]);
        }

        // A resend would create a second task for the leader and spend the groups' quota twice.
        var reply = await PostWithTokenAsync(AddMessageTemplateApi, "cgi-bin/externalcontact/add_msg_template", body, retrySafe: false, cancellationToken);
        var messageId = reply.GetString("msgid");
        if (string.IsNullOrEmpty(messageId))
        {
            throw new WeComTransientException(AddMessageTemplateApi, $"WeCom {AddMessageTemplateApi} answered errcode 0 without a msgid.", mayHaveBeenDelivered: true);
        }

        var failed = reply.GetList("fail_list");
        var createdAt = clock.GetUtcNow();
        var accepted = template.ChatIds.Except(failed, StringComparer.Ordinal).ToList();
        if (failed.Count > 0)
        {
            logger.LogWarning("WeCom {Api} could not target {Failed} of the requested group(s)", AddMessageTemplateApi, failed.Count);
        }

        return new WeComGroupMessageTemplateResult(messageId, failed, accepted, createdAt, WeComGroupMessageQuota.DayOf(createdAt));
    }

    /// <summary>
    /// Posts with the cached access token. If WeCom says the token is stale (40014/42001) it is
    /// dropped and the call is made once more with a fresh one; WeCom refused the first call before
    /// acting on it, so this is safe even for sends. A second refusal is reported, not retried.
    /// </summary>
    private async Task<WeComReply> PostWithTokenAsync(string api, string path, JsonObject body, bool retrySafe, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (string.IsNullOrWhiteSpace(settings.CorpId))
        {
            throw Missing(WeComOptions.CorpIdKey);
        }

        if (string.IsNullOrWhiteSpace(settings.Secret))
        {
            throw Missing(WeComOptions.SecretKey);
        }

        var corpId = settings.CorpId.Trim();
        var secret = settings.Secret.Trim();
        var json = WeComHttp.Serialize(body);

        var token = await tokens.GetAsync(corpId, secret, cancellationToken);
        var reply = await http.PostAsync(api, WithToken(path, token), json, retrySafe, cancellationToken);
        if (WeComErrorCodes.IsStaleAccessToken(reply.ErrorCode))
        {
            logger.LogInformation("WeCom {Api} refused the cached access token (errcode {ErrorCode}); fetching a new one and trying once more", api, reply.ErrorCode);
            tokens.Invalidate(corpId, secret, token);
            token = await tokens.GetAsync(corpId, secret, cancellationToken);
            reply = await http.PostAsync(api, WithToken(path, token), json, retrySafe, cancellationToken);
        }

        http.EnsureOk(api, reply);
        return reply;
    }

    private static string WithToken(string path, string token) => $"{path}?access_token={Uri.EscapeDataString(token)}";

    private static string MsgType(WeComTextFormat format) => format switch
    {
        WeComTextFormat.Markdown => "markdown",
        _ => "text",
    };

    private static JsonObject RobotText(WeComRobotText text)
    {
        RequireContent(text.Content, nameof(text));
        var content = new JsonObject { ["content"] = text.Content };
        if (text.MentionedUserIds.Count > 0)
        {
            content["mentioned_list"] = new JsonArray([.. text.MentionedUserIds.Select(id => (JsonNode?)id)]);
        }

        if (text.MentionedMobiles.Count > 0)
        {
            content["mentioned_mobile_list"] = new JsonArray([.. text.MentionedMobiles.Select(m => (JsonNode?)m)]);
        }

        return new JsonObject { ["msgtype"] = "text", ["text"] = content };
    }

    private static JsonObject RobotMarkdown(WeComRobotMarkdown markdown)
    {
        RequireContent(markdown.Content, nameof(markdown));
        return new JsonObject { ["msgtype"] = "markdown", ["markdown"] = new JsonObject { ["content"] = markdown.Content } };
    }

    private static JsonObject RobotNews(WeComRobotNews news)
    {
        if (news.Articles.Count is 0 or > WeComRobotNews.MaxArticles)
        {
            throw new ArgumentException($"A robot news message has 1 to {WeComRobotNews.MaxArticles} articles.", nameof(news));
        }

        var articles = new JsonArray();
        foreach (var article in news.Articles)
        {
            var item = new JsonObject { ["title"] = article.Title, ["url"] = article.Url.AbsoluteUri };
            if (!string.IsNullOrEmpty(article.Description))
            {
                item["description"] = article.Description;
            }

            if (article.PictureUrl is not null)
            {
                item["picurl"] = article.PictureUrl.AbsoluteUri;
            }

            articles.Add(item);
        }

        return new JsonObject { ["msgtype"] = "news", ["news"] = new JsonObject { ["articles"] = articles } };
    }

    private static JsonNode Attachment(WeComGroupMessageAttachment attachment)
    {
        switch (attachment)
        {
            case WeComImageAttachment image:
                if (string.IsNullOrEmpty(image.MediaId) && image.PictureUrl is null)
                {
                    throw new ArgumentException("An image attachment needs a media id or a picture URL.", nameof(attachment));
                }

                var imageBody = new JsonObject();
                if (!string.IsNullOrEmpty(image.MediaId))
                {
                    imageBody["media_id"] = image.MediaId;
                }

                if (image.PictureUrl is not null)
                {
                    imageBody["pic_url"] = image.PictureUrl.AbsoluteUri;
                }

                return new JsonObject { ["msgtype"] = "image", ["image"] = imageBody };

            case WeComLinkAttachment link:
                var linkBody = new JsonObject { ["title"] = link.Title, ["url"] = link.Url.AbsoluteUri };
                if (link.PictureUrl is not null)
                {
                    linkBody["picurl"] = link.PictureUrl.AbsoluteUri;
                }

                if (!string.IsNullOrEmpty(link.Description))
                {
                    linkBody["desc"] = link.Description;
                }

                return new JsonObject { ["msgtype"] = "link", ["link"] = linkBody };

            default:
                throw new ArgumentException($"Unsupported attachment {attachment.GetType().Name}.", nameof(attachment));
        }
    }

    private static void RequireContent(string? content, string paramName)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            throw new ArgumentException("WeCom refuses empty message content (errcode 44004).", paramName);
        }
    }

    private static WeComConfigurationException Missing(string key) =>
        new($"{key} is not set; WeCom cannot be called without it.", key, errorCode: null);
}
