using System.Globalization;
using System.Text.RegularExpressions;
using GroupBuy.BotHost.Campaigns;
using GroupBuy.Conversations.Time;

namespace GroupBuy.BotHost.Console.Pages.Campaigns;

/// <summary>
/// Turns the campaign form into the admin API's body, so the API's own checks judge it, and puts
/// their errors back on the form's fields. What only a form can get wrong (a price that is not a
/// number) is said here; the rest is the API's to say.
/// </summary>
internal static partial class CampaignFormReader
{
    /// <summary>The body, the form row of each of its items, and what could not be read, by form field.</summary>
    public static CampaignFormReading Read(
        string? title, string? closesAt, string? pickupAt, string? pickupPoint, IReadOnlyList<string> chatIds, IReadOnlyList<CampaignFormRow> rows, BusinessTimeZone zone)
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        var items = new List<CampaignItemRequest>();
        var used = new List<int>();
        for (var row = 0; row < rows.Count; row++)
        {
            if (rows[row].IsBlank)
            {
                continue;
            }

            items.Add(ReadItem(rows[row], row, problems));
            used.Add(row);
        }

        var request = new CampaignRequest(
            title,
            chatIds,
            ReadTime(nameof(closesAt), closesAt, zone, problems),
            ReadTime(nameof(pickupAt), pickupAt, zone, problems),
            pickupPoint,
            items);
        return new CampaignFormReading(request, used, problems);
    }

    /// <summary>A stock as typed: empty is unlimited; null (and a problem) when it is not a whole number.</summary>
    public static int? ReadStock(string field, string? text, Dictionary<string, string> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var stock))
        {
            return stock;
        }

        problems[field] = "库存要填整数；不填表示不限量。";
        return null;
    }

    /// <summary>The form field an API error is about: <c>items[2].price</c> → <c>Items[4].Price</c> when spare rows were left out.</summary>
    public static string FieldOf(string apiField, IReadOnlyList<int> rows)
    {
        var item = ItemField().Match(apiField);
        if (item.Success)
        {
            var index = int.Parse(item.Groups["index"].Value, CultureInfo.InvariantCulture);
            var row = index < rows.Count ? rows[index] : index;
            var name = item.Groups["name"].Value;
            return name.Length == 0 ? $"Items[{row}]" : $"Items[{row}].{char.ToUpperInvariant(name[0])}{name[1..]}";
        }

        // chatIds[1] is a checkbox among the others; title → Title.
        var plain = apiField.Split('[')[0];
        return plain.Length == 0 ? apiField : char.ToUpperInvariant(plain[0]) + plain[1..];
    }

    private static CampaignItemRequest ReadItem(CampaignFormRow row, int index, Dictionary<string, string> problems) => new(
        row.Name,
        [.. (row.Aliases ?? string.Empty).Split([',', '，', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        ReadMoney($"Items[{index}].Price", row.Price, problems),
        ReadMoney($"Items[{index}].ReferencePrice", row.ReferencePrice, problems),
        row.Category,
        ReadStock($"Items[{index}].Stock", row.Stock, problems),
        row.AllowUnsuitable);

    private static decimal? ReadMoney(string field, string? text, Dictionary<string, string> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (decimal.TryParse(text.Trim().TrimStart('¥', '￥'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var yuan))
        {
            return yuan;
        }

        problems[field] = "请填金额（元），如 12.8。";
        return null;
    }

    private static DateTimeOffset? ReadTime(string name, string? text, BusinessTimeZone zone, Dictionary<string, string> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (zone.FromInput(text) is { } instant)
        {
            return instant;
        }

        problems[char.ToUpperInvariant(name[0]) + name[1..]] = "时间格式不对，请重新选择。";
        return null;
    }

    [GeneratedRegex(@"^items\[(?<index>\d+)\](?:\.(?<name>\w+))?$")]
    private static partial Regex ItemField();
}
