using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace GroupBuy.BotHost.Channels.WeCom;

/// <summary>
/// Reads WeCom's flat <c>&lt;xml&gt;…&lt;/xml&gt;</c> documents defensively: no DTDs (so no entity
/// expansion or external fetches), a size cap, and errors as <see cref="FormatException"/> that name
/// the element at fault without quoting the content (which may be a resident's message).
/// </summary>
internal static class WeComXml
{
    /// <summary>Real callbacks are a few KB; anything this large is not from WeCom.</summary>
    public const int MaxCharacters = 256 * 1024;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharacters,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    /// <summary>Parses the document and returns its root, which must be <c>&lt;xml&gt;</c>.</summary>
    public static XElement ParseRoot(string xml, string what)
    {
        ArgumentNullException.ThrowIfNull(xml);
        if (xml.Length > MaxCharacters)
        {
            throw new FormatException($"The {what} is {xml.Length} characters, more than the {MaxCharacters} allowed.");
        }

        XDocument document;
        try
        {
            using var text = new StringReader(xml);
            using var reader = XmlReader.Create(text, Settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            // ex.Message can quote the offending text, so only the position is passed on.
            throw new FormatException(
                $"The {what} is not acceptable XML (malformed, or it has a DTD, which is never allowed) at line {ex.LineNumber}, position {ex.LinePosition}.",
                ex);
        }

        var root = document.Root!;
        if (root.Name != "xml")
        {
            throw new FormatException($"The {what} must have <xml> as its root element, not <{root.Name.LocalName}>.");
        }

        return root;
    }

    /// <summary>The element's text (CDATA or not), or null when the element is absent.</summary>
    public static string? Optional(XElement root, string name) => root.Element(name)?.Value;

    public static string Required(XElement root, string name, string what)
    {
        var value = Optional(root, name);
        return string.IsNullOrEmpty(value)
            ? throw new FormatException($"The {what} has no <{name}> element (or it is empty).")
            : value;
    }

    public static long? OptionalInt64(XElement root, string name, string what)
    {
        var value = Optional(root, name);
        if (value is null)
        {
            return null;
        }

        return long.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new FormatException($"The {what}'s <{name}> element is not a whole number.");
    }

    public static int? OptionalInt32(XElement root, string name, string what)
    {
        var number = OptionalInt64(root, name, what);
        return number is null or (>= int.MinValue and <= int.MaxValue)
            ? (int?)number
            : throw new FormatException($"The {what}'s <{name}> element is out of range.");
    }
}
