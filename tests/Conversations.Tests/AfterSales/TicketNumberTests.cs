using GroupBuy.Conversations.AfterSales;
using Xunit;

namespace GroupBuy.Conversations.Tests.AfterSales;

/// <summary>"T" and the ticket id plus 1000: short to type, never read as a pickup code.</summary>
public sealed class TicketNumberTests
{
    [Theory]
    [InlineData(1, "T1001")]
    [InlineData(24, "T1024")]
    [InlineData(9000, "T10000")]
    public void A_ticket_is_named_T_and_its_id_plus_1000(long id, string number)
    {
        Assert.Equal(number, TicketNumber.Of(id));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(24)]
    [InlineData(123456)]
    public void The_number_reads_back_as_the_id(long id)
    {
        Assert.True(TicketNumber.TryParse(TicketNumber.Of(id), out var parsed));
        Assert.Equal(id, parsed);
    }

    [Theory]
    [InlineData("t1024")]
    [InlineData(" T1024 ")]
    public void Lowercase_and_surrounding_spaces_are_read(string text)
    {
        Assert.True(TicketNumber.TryParse(text, out var id));
        Assert.Equal(24, id);
    }

    [Theory]
    [InlineData("T1000")]
    [InlineData("T999")]
    [InlineData("T0")]
    [InlineData("1024")]
    [InlineData("T")]
    [InlineData("T+1024")]
    [InlineData("T-1024")]
    [InlineData("T10 24")]
    [InlineData("X1024")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_text_is_no_ticket_number(string? text)
    {
        Assert.False(TicketNumber.TryParse(text, out var id));
        Assert.Null(id);
    }
}
