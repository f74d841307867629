using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace GroupBuy.Conversations.AfterSales;

/// <summary>
/// Reads "退款 T1024", "退款 T1024 8.5", "换货 T1024", "补偿 T1024 5元", "补偿 T1024 券", "完成 T1024".
/// The ticket number makes it a command: a resident's "退款" alone is an after-sales request.
/// </summary>
public static partial class TicketCommandReader
{
    private static readonly Dictionary<string, TicketCommandKind> Words = new(StringComparer.Ordinal)
    {
        ["退款"] = TicketCommandKind.Refund,
        ["换货"] = TicketCommandKind.Exchange,
        ["补偿"] = TicketCommandKind.Compensation,
        ["完成"] = TicketCommandKind.Done,
        ["办结"] = TicketCommandKind.Done,
    };

    public static bool TryRead(string text, [NotNullWhen(true)] out TicketCommand? command)
    {
        command = null;
        // Full-width digits and letters ("T１０２４ ８.５") read as their ASCII forms.
        var match = Shape().Match(text.Normalize(NormalizationForm.FormKC).Trim());
        if (!match.Success || !TicketNumber.TryParse(match.Groups["number"].Value, out var ticketId))
        {
            return false;
        }

        var kind = Words[match.Groups["word"].Value];
        var number = TicketNumber.Of(ticketId.Value);
        var argument = match.Groups["argument"].Value.Trim();
        if (argument.Length == 0)
        {
            command = new TicketCommand(kind, ticketId.Value, number, null, Coupon: false, IsMalformed: kind == TicketCommandKind.Compensation);
            return true;
        }

        if (kind == TicketCommandKind.Compensation && Coupon().IsMatch(argument))
        {
            command = new TicketCommand(kind, ticketId.Value, number, null, Coupon: true, IsMalformed: false);
            return true;
        }

        var amount = Amount().Match(argument);
        var takesAmount = kind is TicketCommandKind.Refund or TicketCommandKind.Compensation;
        command = takesAmount && amount.Success
            ? new TicketCommand(kind, ticketId.Value, number, decimal.Parse(amount.Groups["yuan"].Value, CultureInfo.InvariantCulture), Coupon: false, IsMalformed: false)
            : new TicketCommand(kind, ticketId.Value, number, null, Coupon: false, IsMalformed: true);
        return true;
    }

    [GeneratedRegex(@"^(?<word>退款|换货|补偿|完成|办结)[\s\u3000:：]*(?<number>[Tt][0-9]+)(?<argument>.*)$")]
    private static partial Regex Shape();

    [GeneratedRegex(@"^(优惠)?券$|^满20减3(券)?$")]
    private static partial Regex Coupon();

    [GeneratedRegex(@"^[¥￥]?(?<yuan>[0-9]{1,5}(\.[0-9]{1,2})?)\s*(元|块钱?)?$")]
    private static partial Regex Amount();
}
