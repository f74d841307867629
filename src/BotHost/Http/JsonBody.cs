using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace GroupBuy.BotHost.Http;

/// <summary>
/// Reads a JSON request body so that a malformed one gets a 400 naming the field at fault,
/// instead of the framework's bare 400. Nothing has been stored when this fails.
/// </summary>
internal static class JsonBody
{
    // Admin requests (a campaign with its items) are a few KB; anything near this is a mistake.
    private const int MaxBytes = 1024 * 1024;

    public static async Task<BodyResult<T>> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return BodyResult<T>.Invalid("body", "Send the body as JSON with 'Content-Type: application/json'.");
        }

        var body = await LimitedBody.ReadAsync(request, MaxBytes, cancellationToken);
        return body is null
            ? BodyResult<T>.Invalid("body", $"The body is larger than {MaxBytes / 1024} KB.")
            : Parse<T>(body, request.HttpContext.RequestServices);
    }

    /// <summary>Parses a body already read (a webhook reads it whole to check its signature first).</summary>
    public static BodyResult<T> Parse<T>(byte[] body, IServiceProvider services)
        where T : class
    {
        var options = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            var value = JsonSerializer.Deserialize<T>(body, options);
            return value is null ? BodyResult<T>.Invalid("body", "The body is empty or null; send a JSON object.") : new BodyResult<T>(value, null);
        }
        catch (JsonException ex)
        {
            var field = FieldOf(ex.Path);
            var where = ex.LineNumber is { } line ? $" (line {line + 1}, position {ex.BytePositionInLine + 1})" : string.Empty;
            return BodyResult<T>.Invalid(field, field == "body"
                ? $"The body is not valid JSON{where}."
                : $"'{field}' has a value of the wrong type or format{where}.");
        }
    }

    /// <summary>"$.items[0].price" → "items[0].price".</summary>
    private static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }

        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }
}

/// <summary>Either the body or the 400 to answer with.</summary>
internal sealed record BodyResult<T>(T? Value, IResult? Problem)
    where T : class
{
    public static BodyResult<T> Invalid(string field, string message) =>
        new(null, Results.ValidationProblem(
            new Dictionary<string, string[]> { [field] = [message] },
            detail: $"{field}: {message}",
            title: "The request body is not valid"));
}
