using System.Text.RegularExpressions;

namespace GroupBuy.BotHost.Console.Pages.Tickets;

/// <summary>
/// Residents often put their phone number in their chat name ("王阿姨13812345678"); lists show
/// the name with the number's middle hidden (138****5678), as Chinese apps do.
/// </summary>
public static partial class ContactMask
{
    public static string Name(string name) =>
        MobileNumber().Replace(name ?? string.Empty, m => m.Value[..3] + "****" + m.Value[^4..]);

    // A mainland mobile number, not inside a longer run of digits (an order number stays whole).
    [GeneratedRegex(@"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")]
    private static partial Regex MobileNumber();
}
