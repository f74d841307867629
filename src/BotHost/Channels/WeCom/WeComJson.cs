using System.Text.Json;

namespace GroupBuy.BotHost.Channels.WeCom;

/// <summary>
/// Reads the intelligent robot's JSON bodies with a size and depth cap; errors are
/// <see cref="FormatException"/> naming the field at fault, never quoting content.
/// </summary>
internal static class WeComJson
{
    /// <summary>Real callbacks are a few KB; anything this large is not from WeCom.</summary>
    public const int MaxCharacters = 256 * 1024;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 32 };

    /// <summary>Parses the text, which must be one JSON object. Dispose the result.</summary>
    public static JsonDocument ParseObject(string json, string what)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaxCharacters)
        {
            throw new FormatException($"The {what} is {json.Length} characters, more than the {MaxCharacters} allowed.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException ex)
        {
            throw new FormatException(
                $"The {what} is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}).", ex);
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new FormatException($"The {what} must be a JSON object.");
        }

        return document;
    }

    /// <summary>The string at the end of <paramref name="path"/>, or null when any step is absent or null.</summary>
    public static string? OptionalString(JsonElement element, string what, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Null => null,
            _ => throw new FormatException($"The {what}'s '{string.Join('.', path)}' is not a string."),
        };
    }

    public static string RequiredString(JsonElement element, string what, params string[] path)
    {
        var value = OptionalString(element, what, path);
        return string.IsNullOrEmpty(value)
            ? throw new FormatException($"The {what} has no '{string.Join('.', path)}' (or it is empty).")
            : value;
    }
}
