using GroupBuy.Conversations.AfterSales;
using Xunit;

namespace GroupBuy.Conversations.Tests.AfterSales;

/// <summary>What each resolution gives, by when it is due, and the first-answer SLA of an intake.</summary>
public sealed class ResolutionTests
{
    private static readonly DateTimeOffset Decided = new(2026, 6, 2, 18, 30, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData(ResolutionKind.Refund, 24)]
    [InlineData(ResolutionKind.Exchange, 72)]
    [InlineData(ResolutionKind.Compensation, 24)]
    public void Each_resolution_is_due_a_fixed_time_after_the_decision(ResolutionKind kind, int hours)
    {
        Assert.Equal(Decided.AddHours(hours), ResolutionDeadlines.DueAt(kind, Decided));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(60 * 24, false)]
    [InlineData(60 * 24 + 1, true)]
    public void A_refund_is_overdue_only_after_its_last_minute(int minutesLater, bool overdue)
    {
        var refund = new Resolution(ResolutionKind.Refund, Decided);

        Assert.Equal(overdue, refund.IsOverdue(Decided.AddMinutes(minutesLater)));
    }

    [Fact]
    public void An_exchange_has_three_days()
    {
        var exchange = new Resolution(ResolutionKind.Exchange, Decided);

        Assert.Equal(Decided.AddDays(3), exchange.DueAt);
        Assert.False(exchange.IsOverdue(Decided.AddDays(3)));
        Assert.True(exchange.IsOverdue(Decided.AddDays(3).AddMinutes(1)));
    }

    [Theory]
    [InlineData("5")]
    [InlineData("7.5")]
    [InlineData("10")]
    [InlineData("9.99")]
    public void Cash_compensation_is_5_to_10_yuan(string yuan)
    {
        var amount = decimal.Parse(yuan, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(amount, new CashCompensation(amount).Yuan);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("4.99")]
    [InlineData("10.01")]
    [InlineData("20")]
    [InlineData("-5")]
    [InlineData("5.005")]
    public void Cash_outside_the_range_is_refused(string yuan)
    {
        var amount = decimal.Parse(yuan, System.Globalization.CultureInfo.InvariantCulture);

        Assert.False(CashCompensation.IsValid(amount));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CashCompensation(amount));
    }

    [Fact]
    public void The_coupon_is_always_20_off_3()
    {
        var coupon = CouponCompensation.Standard;

        Assert.Equal(20m, coupon.Threshold);
        Assert.Equal(3m, coupon.Off);
    }

    [Fact]
    public void A_compensation_names_what_it_gives_and_nothing_else_does()
    {
        Assert.Equal(CouponCompensation.Standard, new Resolution(ResolutionKind.Compensation, Decided, CouponCompensation.Standard).Compensation);
        Assert.Throws<ArgumentException>(() => new Resolution(ResolutionKind.Compensation, Decided));
        Assert.Throws<ArgumentException>(() => new Resolution(ResolutionKind.Refund, Decided, new CashCompensation(5m)));
    }

    [Theory]
    [InlineData(59, false)]
    [InlineData(60, false)]
    [InlineData(61, true)]
    public void An_intake_is_answered_within_one_hour(int minutesLater, bool overdue)
    {
        Assert.Equal(Decided.AddHours(1), ResolutionDeadlines.FirstAnswerDueAt(Decided));
        Assert.Equal(overdue, ResolutionDeadlines.IsFirstAnswerOverdue(Decided, Decided.AddMinutes(minutesLater)));
    }
}
