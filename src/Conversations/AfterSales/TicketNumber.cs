using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace GroupBuy.Conversations.AfterSales;

/// <summary>
/// How a ticket is named to people: "T" and a number from 1001 up (T1024 is ticket 24). Short to
/// type in a chat command, and never confused with a pickup code, which has no letter.
/// </summary>
public static class TicketNumber
{
    private const long Offset = 1000;

    public static string Of(long ticketId) => string.Create(CultureInfo.InvariantCulture, $"T{ticketId + Offset}");

    /// <summary>Reads "T1024" or "t1024" (the number alone is not enough: it reads like a pickup code).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out long? ticketId)
    {
        ticketId = null;
        var trimmed = text?.Trim();
        if (trimmed is not { Length: > 1 } || (trimmed[0] != 'T' && trimmed[0] != 't')
            || !long.TryParse(trimmed.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number <= Offset)
        {
            return false;
        }

        ticketId = number - Offset;
        return true;
    }
}
