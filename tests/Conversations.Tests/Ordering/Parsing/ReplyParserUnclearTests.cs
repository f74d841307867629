using GroupBuy.Conversations.Ordering.Parsing;
using Xunit;
using static GroupBuy.Conversations.Tests.Ordering.Parsing.Replies;

namespace GroupBuy.Conversations.Tests.Ordering.Parsing;

/// <summary>Replies that look like orders but would need a guess: the bot asks back about the reason.</summary>
public sealed class ReplyParserUnclearTests
{
    [Theory]
    [InlineData("+1")]
    [InlineData("加一")]
    [InlineData("来一份")]
    [InlineData("两份")]
    public void A_bare_count_in_a_multi_item_campaign_is_unclear(string text)
    {
        var reply = Parse(text, Catalogs.Fresh);

        Assert.Equal(ReplyKind.Unclear, reply.Kind);
        Assert.Equal("no item given in a multi-item campaign", reply.Reason);
        Assert.Empty(reply.Lines);
    }

    [Theory]
    [InlineData("奶+1", "several items match '奶'")]
    [InlineData("香蕉+1", "no item matches '香蕉'")]
    [InlineData("苹果香蕉+1", "no item matches '香蕉'")]
    [InlineData("王阿姨+1", "no item matches '王阿姨'")]
    [InlineData("9号+1", "no item 9")]
    [InlineData("9+1", "no item 9")]
    [InlineData("牛奶+1 面包", "no quantity for '面包'")]
    [InlineData("牛奶面包2份", "one quantity for several items")]
    [InlineData("牛奶+1 +2", "a quantity without an item")]
    [InlineData("苹果+1 梨子+1", "no item matches '梨子'")]
    [InlineData("同上", "refers to someone else's order")]
    [InlineData("跟楼上一样", "refers to someone else's order")]
    [InlineData("跟王阿姨一样来一份", "refers to someone else's order")]
    public void Items_that_cannot_be_resolved_are_unclear(string text, string reason)
    {
        var reply = Parse(text, Catalogs.Fresh);

        Assert.Equal(ReplyKind.Unclear, reply.Kind);
        Assert.Equal(reason, reply.Reason);
    }

    [Theory]
    [InlineData("+0", "quantity must be 1 to 99, not 0")]
    [InlineData("牛奶+0", "quantity must be 1 to 99, not 0")]
    [InlineData("牛奶+100000", "quantity must be 1 to 99, not 100000")]
    [InlineData("1号+99999999999", "quantity must be 1 to 99, not 99999999999")]
    [InlineData("+100", "quantity must be 1 to 99, not 100")]
    [InlineData("+999", "quantity must be 1 to 99, not 999")]
    [InlineData("+100000", "quantity must be 1 to 99, not 100000")]
    [InlineData("加 99999999999", "quantity must be 1 to 99, not 99999999999")]
    [InlineData("加一百", "quantity must be 1 to 99, not 100")]
    [InlineData("+1.5", "a fractional quantity '1.5'")]
    [InlineData("+两三份", "an approximate quantity '两三'")]
    [InlineData("要三四个", "an approximate quantity '三四'")]
    [InlineData("-1", "a decrease ('-1') instead of a new total")]
    [InlineData("减一份", "a decrease ('减一份') instead of a new total")]
    [InlineData("少要一个", "a decrease ('少要一个') instead of a new total")]
    public void Counts_outside_one_to_ninety_nine_are_unclear(string text, string reason)
    {
        var reply = Parse(text, Catalogs.Single);

        Assert.Equal(ReplyKind.Unclear, reply.Kind);
        Assert.Equal(reason, reply.Reason);
    }

    [Fact]
    public void Nothing_typed_ever_yields_a_line_outside_the_catalog_or_the_range()
    {
        // Pieces of real replies, shuffled: whatever comes out must still be a valid reply.
        string[] pieces =
        [
            "+", "＋", "➕", "加", "x", "*", "×", "-", "1", "2", "0", "12", "99", "100", "一", "两", "十", "二十五", "份", "箱", "号",
            "第", "牛奶", "苹果", "奶", "面包", "各", "每样", "都", "改成", "只要", "取消", "不要了", "退", "吗", "，", "、", " ", "\n",
            "的", "王阿姨", "8栋", "201", "13812345678", "¥", ".", "5", "L", "装", "楼", "来", "帮我留", "谢谢", "😊", "[", "]", "同上",
        ];
        var random = new Random(20261125);
        for (var n = 0; n < 5000; n++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 8)).Select(_ => pieces[random.Next(pieces.Length)]));
            var catalog = n % 2 == 0 ? Catalogs.Single : Catalogs.Fresh;
            var reply = Parse(text, catalog, n % 5 == 0 ? random.Next(1, 8) : null);

            Assert.All(reply.Lines, l => Assert.Contains(catalog.Items, i => i.ItemNo == l.ItemNo));
            Assert.All(reply.Lines, l => Assert.InRange(l.Quantity, reply.Kind == ReplyKind.Cancel ? 0 : 1, reply.Kind == ReplyKind.Cancel ? 0 : 99));
            Assert.Equal(reply.Lines.Count, reply.Lines.Select(l => l.ItemNo).Distinct().Count());
            Assert.True(reply.Kind != ReplyKind.Unclear || !string.IsNullOrEmpty(reply.Reason), text);
            Assert.True(reply.Kind is not (ReplyKind.Order or ReplyKind.Change) || reply.Lines.Count > 0, text);
        }
    }

    [Fact]
    public void A_sum_above_ninety_nine_is_unclear()
    {
        var reply = Parse("牛奶+50 牛奶+60", Catalogs.Fresh);

        Assert.Equal("quantity must be 1 to 99, not 110", reply.Reason);
    }

    [Fact]
    public void A_quoted_item_that_does_not_exist_is_unclear()
    {
        Assert.Equal("no item 12", Parse("+1", Catalogs.Fresh, quoted: 12).Reason);
    }
}
