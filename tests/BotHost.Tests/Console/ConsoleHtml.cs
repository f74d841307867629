using System.Net;
using System.Text.RegularExpressions;

namespace GroupBuy.BotHost.Tests.Console;

/// <summary>
/// Reads console pages as a person does: the words shown (entities decoded, tags dropped), a
/// table's rows, the message beside a form field. The pages are ours, so patterns suffice.
/// </summary>
internal static partial class ConsoleHtml
{
    /// <summary>The page's words, with tags dropped and spaces collapsed.</summary>
    public static string Text(string html) =>
        Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(html, " ")), " ").Trim();

    /// <summary>The body rows of the table with this id, each as its cells' words joined by " | ".</summary>
    public static IReadOnlyList<string> Rows(string html, string tableId)
    {
        var table = Regex.Match(html, $"<table[^>]*id=\"{Regex.Escape(tableId)}\"[^>]*>(.*?)</table>", RegexOptions.Singleline);
        if (!table.Success)
        {
            return [];
        }

        var body = Regex.Match(table.Groups[1].Value, "<tbody>(.*?)</tbody>", RegexOptions.Singleline);
        return [.. Regex.Matches(body.Success ? body.Groups[1].Value : table.Groups[1].Value, "<tr[^>]*>(.*?)</tr>", RegexOptions.Singleline)
            .Select(row => string.Join(" | ", Regex.Matches(row.Groups[1].Value, "<t[dh][^>]*>(.*?)</t[dh]>", RegexOptions.Singleline).Select(cell => Text(cell.Groups[1].Value))))];
    }

    /// <summary>The error shown beside a form field (empty when there is none).</summary>
    public static string FieldError(string html, string field)
    {
        var message = Regex.Match(html, $"<span[^>]*data-valmsg-for=\"{Regex.Escape(field)}\"[^>]*>(.*?)</span>", RegexOptions.Singleline);
        return message.Success ? Text(message.Groups[1].Value) : string.Empty;
    }

    /// <summary>The value of the input with this name, as the browser would show it; null when there is no such input.</summary>
    public static string? InputValue(string html, string name)
    {
        var input = Regex.Match(html, $"<input[^>]*name=\"{Regex.Escape(name)}\"[^>]*>");
        if (!input.Success)
        {
            return null;
        }

        var value = Regex.Match(input.Value, "value=\"([^\"]*)\"");
        return value.Success ? WebUtility.HtmlDecode(value.Groups[1].Value) : string.Empty;
    }

    /// <summary>What the text area with this name holds.</summary>
    public static string? TextAreaValue(string html, string name)
    {
        var area = Regex.Match(html, $"<textarea[^>]*name=\"{Regex.Escape(name)}\"[^>]*>(.*?)</textarea>", RegexOptions.Singleline);
        return area.Success ? WebUtility.HtmlDecode(area.Groups[1].Value).Trim('\r', '\n') : null;
    }

    /// <summary>The words of the element with this id.</summary>
    public static string Element(string html, string id, string tag = "div")
    {
        var element = Regex.Match(html, $"<{tag}[^>]*id=\"{Regex.Escape(id)}\"[^>]*>(.*?)</{tag}>", RegexOptions.Singleline);
        return element.Success ? Text(element.Groups[1].Value) : string.Empty;
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
