using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GroupBuy.Conversations.Ordering.Llm;

/// <summary>
/// The two ways JSON crosses the model: the data sent (as readable as possible) and the answer read
/// back (as strict as possible, since a model can answer anything).
/// </summary>
internal static class LlmJson
{
    // Chinese stays as it is (not \uXXXX): the model reads it better and in fewer tokens. The
    // JSON goes only into a chat message, never into HTML.
    private static readonly JsonSerializerOptions DataOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly JsonSerializerOptions StrictOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowDuplicateProperties = false,
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <summary>The data for a user message: one JSON object, so the resident's text is a string value and cannot pass for rules.</summary>
    public static string Data<T>(T input) => JsonSerializer.Serialize(input, DataOptions);

    /// <summary>
    /// The content as exactly one <typeparamref name="T"/>: null for anything else (not JSON, text
    /// around it, a code fence, missing or unknown or duplicated properties, nulls, numbers in strings).
    /// </summary>
    public static T? ParseStrict<T>(string? content)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(content, StrictOptions);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
