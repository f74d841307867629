using GroupBuy.Conversations.AfterSales;
using Xunit;

namespace GroupBuy.Conversations.Tests.AfterSales;

/// <summary>The leader's and ops' ticket commands; the ticket number is what makes a command of "退款".</summary>
public sealed class TicketCommandReaderTests
{
    [Theory]
    [InlineData("退款 T1024", TicketCommandKind.Refund)]
    [InlineData("退款T1024", TicketCommandKind.Refund)]
    [InlineData("退款：T1024", TicketCommandKind.Refund)]
    [InlineData("  退款　T1024  ", TicketCommandKind.Refund)]
    [InlineData("换货 T1024", TicketCommandKind.Exchange)]
    [InlineData("换货 t1024", TicketCommandKind.Exchange)]
    [InlineData("完成 T1024", TicketCommandKind.Done)]
    [InlineData("办结 T1024", TicketCommandKind.Done)]
    public void Commands_without_an_argument_name_the_ticket(string text, TicketCommandKind kind)
    {
        Assert.True(TicketCommandReader.TryRead(text, out var command));

        Assert.Equal(new TicketCommand(kind, 24, "T1024", Amount: null, Coupon: false, IsMalformed: false), command);
    }

    [Theory]
    [InlineData("退款 T1024 8.5", "8.5")]
    [InlineData("退款 T1024 8.50元", "8.5")]
    [InlineData("退款 T1024 ￥25.6", "25.6")]
    [InlineData("退款 T1024 12块", "12")]
    public void A_refund_may_name_its_amount(string text, string yuan)
    {
        Assert.True(TicketCommandReader.TryRead(text, out var command));

        Assert.Equal(new TicketCommand(TicketCommandKind.Refund, 24, "T1024", Amount(yuan), Coupon: false, IsMalformed: false), command);
    }

    [Theory]
    [InlineData("补偿 T1024 5元", "5")]
    [InlineData("补偿 T1024 5", "5")]
    [InlineData("补偿 T1024 7.5块钱", "7.5")]
    [InlineData("补偿 T1024 20", "20")]
    public void A_cash_compensation_names_its_amount_as_written(string text, string yuan)
    {
        // Whether the amount is allowed (5–10 元) is the handler's business; the reader only reads it.
        Assert.True(TicketCommandReader.TryRead(text, out var command));

        Assert.Equal(new TicketCommand(TicketCommandKind.Compensation, 24, "T1024", Amount(yuan), Coupon: false, IsMalformed: false), command);
    }

    [Theory]
    [InlineData("补偿 T1024 券")]
    [InlineData("补偿 T1024 优惠券")]
    [InlineData("补偿 T1024 满20减3")]
    [InlineData("补偿 T1024 满20减3券")]
    public void A_compensation_may_ask_for_the_coupon(string text)
    {
        Assert.True(TicketCommandReader.TryRead(text, out var command));

        Assert.Equal(new TicketCommand(TicketCommandKind.Compensation, 24, "T1024", Amount: null, Coupon: true, IsMalformed: false), command);
    }

    [Theory]
    [InlineData("补偿 T1024", TicketCommandKind.Compensation)]
    [InlineData("补偿 T1024 abc", TicketCommandKind.Compensation)]
    [InlineData("补偿 T1024 五元", TicketCommandKind.Compensation)]
    [InlineData("退款 T1024 一半", TicketCommandKind.Refund)]
    [InlineData("退款 T1024 券", TicketCommandKind.Refund)]
    [InlineData("退款 T1024 123456", TicketCommandKind.Refund)]
    [InlineData("换货 T1024 2", TicketCommandKind.Exchange)]
    [InlineData("完成 T1024 谢谢", TicketCommandKind.Done)]
    public void Unreadable_arguments_make_a_malformed_command_rather_than_a_guess(string text, TicketCommandKind kind)
    {
        Assert.True(TicketCommandReader.TryRead(text, out var command));

        Assert.Equal(new TicketCommand(kind, 24, "T1024", Amount: null, Coupon: false, IsMalformed: true), command);
    }

    [Theory]
    [InlineData("退款")]
    [InlineData("退款什么时候到")]
    [InlineData("T1024")]
    [InlineData("退款 1024")]
    [InlineData("退款 T1000")]
    [InlineData("退款 T")]
    [InlineData("我要退款 T1024")]
    [InlineData("退货 T1024")]
    [InlineData("")]
    public void Other_messages_are_not_commands(string text)
    {
        Assert.False(TicketCommandReader.TryRead(text, out var command));
        Assert.Null(command);
    }

    private static decimal Amount(string yuan) => decimal.Parse(yuan, System.Globalization.CultureInfo.InvariantCulture);
}
