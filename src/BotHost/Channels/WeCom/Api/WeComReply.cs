using System.Text.Json;

namespace GroupBuy.BotHost.Channels.WeCom.Api;

/// <summary>
/// One parsed WeCom answer: every API answers HTTP 200 with <c>errcode</c> and <c>errmsg</c> plus its
/// own fields. A class, not a record, so no generated ToString can print a body holding an access token.
/// </summary>
internal sealed class WeComReply
{
    private readonly JsonElement root;

    private WeComReply(int errorCode, string errorMessage, JsonElement root)
    {
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
        this.root = root;
    }

    public int ErrorCode { get; }

    public string ErrorMessage { get; }

    public bool IsOk => ErrorCode == WeComErrorCodes.Ok;

    /// <summary>Parses an answer; null when the text is not a WeCom JSON object.</summary>
    public static WeComReply? TryParse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement.Clone();
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            // Some APIs leave errcode out on success.
            var errorCode = WeComErrorCodes.Ok;
            if (root.TryGetProperty("errcode", out var code) && (code.ValueKind != JsonValueKind.Number || !code.TryGetInt32(out errorCode)))
            {
                return null;
            }

            var errorMessage = root.TryGetProperty("errmsg", out var message) && message.ValueKind == JsonValueKind.String ? message.GetString() ?? string.Empty : string.Empty;
            return new WeComReply(errorCode, errorMessage, root);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A nested object field, or null when it is missing or not an object.</summary>
    public JsonElement? GetObject(string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    public string? GetString(string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public int? GetInt32(string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;

    /// <summary>A string array field; WeCom also sends some lists as one "a|b|c" string, which this splits.</summary>
    public IReadOnlyList<string> GetList(string name)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            return [];
        }

        return value.ValueKind switch
        {
            JsonValueKind.Array => [.. value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).Where(s => s.Length > 0)],
            JsonValueKind.String => value.GetString()!.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            _ => [],
        };
    }
}
