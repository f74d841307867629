namespace GroupBuy.BotHost.Http;

/// <summary>Collects what is wrong with a request, field by field, for one 400 that lists it all.</summary>
internal sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool Any => errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(message);
    }

    /// <summary>Checks a required text field; returns it trimmed (or empty when it is missing).</summary>
    public string RequiredText(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "is required.");
            return string.Empty;
        }

        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
        {
            Add(field, $"must be at most {maxLength} characters.");
        }

        return trimmed;
    }

    public void OneOf(string field, string value, IReadOnlyCollection<string> allowed)
    {
        if (value.Length > 0 && !allowed.Contains(value))
        {
            Add(field, $"must be one of: {string.Join(", ", allowed)}.");
        }
    }

    public IResult ToProblem()
    {
        var first = errors.First();
        return Results.ValidationProblem(
            errors.ToDictionary(e => e.Key, e => e.Value.ToArray()),
            detail: $"{first.Key}: {first.Value[0]}",
            title: "The request body is not valid");
    }
}
