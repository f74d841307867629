using System.Text.Json;

namespace GroupBuy.Testing;

/// <summary>One request as the fake OpenAI server saw it.</summary>
public sealed record OpenAiRequest(string Path, string Body, string? Authorization)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    /// <summary>The messages' roles and texts (a content may come as a string or as text parts).</summary>
    public IReadOnlyList<(string Role, string Content)> Messages => [.. Json.GetProperty("messages").EnumerateArray().Select(m =>
    {
        var content = m.GetProperty("content");
        var text = content.ValueKind == JsonValueKind.String
            ? content.GetString()!
            : string.Concat(content.EnumerateArray().Select(part => part.GetProperty("text").GetString()));
        return (m.GetProperty("role").GetString()!, text);
    })];
}
