using System.Text.RegularExpressions;

namespace GroupBuy.Conversations.Privacy;

/// <summary>
/// Masks residents' phone numbers and addresses before anything reaches a log. Chat text is
/// masked as a whole because people put both into ordinary messages ("+1 8栋201 13812345678").
/// </summary>
public static partial class PersonalData
{
    /// <summary>"13812345678" → "138****5678"; anything shorter keeps only its last two digits.</summary>
    public static string MaskPhone(string? phone)
    {
        if (string.IsNullOrEmpty(phone))
        {
            return string.Empty;
        }

        var digits = phone.Where(char.IsAsciiDigit).ToArray();
        if (digits.Length >= 11)
        {
            return string.Concat(new string(digits[..3]), "****", new string(digits[^4..]));
        }

        return digits.Length <= 2 ? "**" : string.Concat(new string('*', digits.Length - 2), new string(digits[^2..]));
    }

    /// <summary>Keeps the first two characters (enough to tell 小区 apart in a log), masks the rest.</summary>
    public static string MaskAddress(string? address)
    {
        if (string.IsNullOrEmpty(address))
        {
            return string.Empty;
        }

        var text = address.Trim();
        return text.Length <= 2 ? "**" : string.Concat(text.AsSpan(0, 2), "***");
    }

    /// <summary>Masks mainland mobile numbers and building/room addresses inside free text.</summary>
    public static string MaskText(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var masked = MobileNumber().Replace(text, m => MaskPhone(m.Value));
        return RoomAddress().Replace(masked, "**栋***");
    }

    [GeneratedRegex(@"(?<!\d)1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)")]
    private static partial Regex MobileNumber();

    // 8栋201, 3号楼2单元502, 12幢1-302: the parts of an address that find a door.
    [GeneratedRegex(@"\d+\s*(?:栋|幢|号楼|座)(?:\s*\d+\s*单元)?\s*[-\s]?\d*(?:室|号)?")]
    private static partial Regex RoomAddress();
}
