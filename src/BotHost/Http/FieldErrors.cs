namespace GroupBuy.BotHost.Http;

/// <summary>
/// Collects what is wrong with a request, field by field, for one 400 that lists it all. A rule
/// the console shares with the API may say it in Chinese too; the API always answers in English.
/// </summary>
internal sealed class FieldErrors
{
    private readonly Dictionary<string, List<(string Message, string? InChinese)>> errors = new(StringComparer.Ordinal);

    public bool Any => errors.Count > 0;

    public void Add(string field, string message, string? inChinese = null)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add((message, inChinese));
    }

    /// <summary>Checks a required text field; returns it trimmed (or empty when it is missing).</summary>
    public string RequiredText(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "is required.", "必填。");
            return string.Empty;
        }

        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
        {
            Add(field, $"must be at most {maxLength} characters.", $"最多 {maxLength} 个字。");
        }

        return trimmed;
    }

    public void OneOf(string field, string value, IReadOnlyCollection<string> allowed)
    {
        if (value.Length > 0 && !allowed.Contains(value))
        {
            Add(field, $"must be one of: {string.Join(", ", allowed)}.", $"只能是：{string.Join("、", allowed)}。");
        }
    }

    /// <summary>The messages by field as the console shows them: in Chinese where the rule says it so, else as the API does.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> InChinese() =>
        errors.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)[.. e.Value.Select(m => m.InChinese ?? m.Message)], StringComparer.Ordinal);

    public IResult ToProblem()
    {
        var first = errors.First();
        return Results.ValidationProblem(
            errors.ToDictionary(e => e.Key, e => e.Value.Select(m => m.Message).ToArray()),
            detail: $"{first.Key}: {first.Value[0].Message}",
            title: "The request body is not valid");
    }
}
