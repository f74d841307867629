using GroupBuy.Conversations.Ordering.Parsing;
using Xunit;

namespace GroupBuy.Conversations.Tests.Ordering.Parsing;

public sealed class OrderChainReaderTests
{
    private const string Chain = """
        #接龙
        周四鲜果团购，周三晚8点截单

        1. 王阿姨 苹果+2
        2、李叔 4号+1
        3 小张 牛奶两箱
        """;

    private static OrderChain Read(string text)
    {
        Assert.True(OrderChainReader.TryRead(text, out var chain));
        return chain;
    }

    private static string[] Texts(IEnumerable<ChainEntry> entries) => [.. entries.Select(e => e.Text)];

    [Fact]
    public void A_chain_has_a_header_and_numbered_entries()
    {
        var chain = Read(Chain);

        Assert.Equal("#接龙\n周四鲜果团购，周三晚8点截单", chain.Header);
        Assert.Equal([new ChainEntry(1, "王阿姨 苹果+2"), new ChainEntry(2, "李叔 4号+1"), new ChainEntry(3, "小张 牛奶两箱")], chain.Entries);
    }

    [Theory]
    [InlineData("1. 王阿姨 苹果+2")]
    [InlineData("1、王阿姨 苹果+2")]
    [InlineData("1．王阿姨 苹果+2")]
    [InlineData("1) 王阿姨 苹果+2")]
    [InlineData("1）王阿姨 苹果+2")]
    [InlineData("1 王阿姨 苹果+2")]
    [InlineData("１．王阿姨 苹果+2")]
    [InlineData("①王阿姨 苹果+2")]
    [InlineData("  1.王阿姨 苹果+2  ")]
    public void Entry_numbers_are_written_many_ways(string line)
    {
        var chain = Read("接龙\n" + line);

        Assert.Equal([new ChainEntry(1, "王阿姨 苹果+2")], chain.Entries);
    }

    [Fact]
    public void Blank_lines_empty_slots_and_a_trailing_example_are_not_entries()
    {
        var chain = Read("""
            #接龙 周五海鲜

            1. 王阿姨 虾+2

            2. 李叔 4号+1
            3.
            例：3栋张姐 1号+1
            """);

        Assert.Equal(["王阿姨 虾+2", "李叔 4号+1"], Texts(chain.Entries));
    }

    [Fact]
    public void The_header_may_be_a_title_without_the_word_jielong()
    {
        var chain = Read("周四鲜果团购\n1. 王阿姨 苹果+2");

        Assert.Equal("周四鲜果团购", chain.Header);
        Assert.Single(chain.Entries);
    }

    [Theory]
    [InlineData("大家快来接龙呀，明天就截单了")]
    [InlineData("接龙的都到了吗？\n谢谢团长")]
    [InlineData("1. 王阿姨 苹果+2\n2. 李叔 4号+1")]
    [InlineData("牛奶+1\n面包+2")]
    [InlineData("接龙\n4号+1\n2号两份")]
    [InlineData("周四团购\n2. 李叔 4号+1")]
    [InlineData("")]
    public void Messages_that_are_not_chains_are_not_read_as_chains(string text)
    {
        Assert.False(OrderChainReader.TryRead(text, out var chain));
        Assert.Null(chain);
    }

    [Fact]
    public void A_jielong_copy_that_lost_its_first_line_is_still_a_chain()
    {
        var copy = Read("#接龙\n2、李叔 4号+1\n3 小张 牛奶两箱\n4. 赵哥 苹果+1");

        Assert.Equal(["赵哥 苹果+1"], Texts(OrderChainReader.NewEntries(Read(Chain), copy)));
    }

    [Fact]
    public void An_example_line_above_the_entries_belongs_to_the_header()
    {
        var chain = Read("#接龙\n周四鲜果团购\n例：3栋王阿姨 苹果+1\n\n①王阿姨 苹果+2\n②李叔 4号+1");

        Assert.Equal("#接龙\n周四鲜果团购\n例：3栋王阿姨 苹果+1", chain.Header);
        Assert.Equal([new ChainEntry(1, "王阿姨 苹果+2"), new ChainEntry(2, "李叔 4号+1")], chain.Entries);
    }

    [Fact]
    public void In_the_first_chain_of_a_chat_every_entry_is_new()
    {
        var chain = Read(Chain);

        Assert.Equal(chain.Entries, OrderChainReader.NewEntries(null, chain));
    }

    [Fact]
    public void A_copy_with_one_appended_line_yields_that_line()
    {
        var copy = Read(Chain + "\n4. 3栋张姐 鸡蛋+1");

        Assert.Equal([new ChainEntry(4, "3栋张姐 鸡蛋+1")], OrderChainReader.NewEntries(Read(Chain), copy));
    }

    [Fact]
    public void A_copy_with_two_appended_lines_yields_both()
    {
        var copy = Read(Chain + "\n4. 3栋张姐 鸡蛋+1\n5. 3栋张姐 面包+2");

        Assert.Equal(["3栋张姐 鸡蛋+1", "3栋张姐 面包+2"], Texts(OrderChainReader.NewEntries(Read(Chain), copy)));
    }

    [Fact]
    public void A_renumbered_copy_yields_only_the_new_line()
    {
        var copy = Read("""
            #接龙
            周四鲜果团购，周三晚8点截单
            1) 李叔 4号+1
            2) 王阿姨 苹果+2
            3) 小张 牛奶两箱
            5) 赵哥 苹果+1
            """);

        Assert.Equal([new ChainEntry(5, "赵哥 苹果+1")], OrderChainReader.NewEntries(Read(Chain), copy));
    }

    [Fact]
    public void A_line_the_copier_dropped_yields_nothing()
    {
        var copy = Read("#接龙\n周四鲜果团购，周三晚8点截单\n1. 王阿姨 苹果+2\n2. 小张 牛奶两箱\n3. 赵哥 苹果+1");

        Assert.Equal(["赵哥 苹果+1"], Texts(OrderChainReader.NewEntries(Read(Chain), copy)));
    }

    [Fact]
    public void Whitespace_and_full_width_differences_do_not_make_a_copied_line_new()
    {
        var copy = Read("""
            #接龙
            周四鲜果团购，周三晚8点截单
            １．王阿姨　苹果＋２
            2、 李叔  4号+1。
            3 小张牛奶两箱
            4. 赵哥 苹果+1
            """);

        Assert.Equal(["赵哥 苹果+1"], Texts(OrderChainReader.NewEntries(Read(Chain), copy)));
    }

    [Fact]
    public void A_line_the_copier_edited_is_new_because_its_text_is_new()
    {
        var copy = Read("#接龙\n1. 王阿姨 苹果+3\n2、李叔 4号+1\n3 小张 牛奶两箱");

        Assert.Equal(["王阿姨 苹果+3"], Texts(OrderChainReader.NewEntries(Read(Chain), copy)));
    }

    [Fact]
    public void A_repeated_copy_yields_nothing()
    {
        Assert.Empty(OrderChainReader.NewEntries(Read(Chain), Read(Chain)));
    }

    [Fact]
    public void The_same_text_ordered_again_by_someone_else_is_new_once()
    {
        var first = Read("接龙\n1. 苹果+1");
        var second = Read("接龙\n1. 苹果+1\n2. 苹果+1");
        var third = Read("接龙\n1. 苹果+1\n2. 苹果+1\n3. 面包+1");

        Assert.Equal([new ChainEntry(2, "苹果+1")], OrderChainReader.NewEntries(first, second));
        Assert.Equal([new ChainEntry(3, "面包+1")], OrderChainReader.NewEntries(second, third));
    }

    [Fact]
    public void Copied_lines_never_produce_entries_twice_along_a_chain_of_copies()
    {
        var chats = new[]
        {
            "#接龙\n1. 王阿姨 苹果+2",
            "#接龙\n1. 王阿姨 苹果+2\n2. 李叔 4号+1",
            "#接龙\n1. 王阿姨 苹果+2\n2. 李叔 4号+1\n3. 小张 牛奶两箱",
            "#接龙\n1. 王阿姨 苹果+2\n2. 李叔 4号+1\n3. 小张 牛奶两箱\n4. 赵哥 苹果+1",
        };

        OrderChain? previous = null;
        var all = new List<string>();
        foreach (var chat in chats)
        {
            var current = Read(chat);
            all.AddRange(Texts(OrderChainReader.NewEntries(previous, current)));
            previous = current;
        }

        Assert.Equal(["王阿姨 苹果+2", "李叔 4号+1", "小张 牛奶两箱", "赵哥 苹果+1"], all);
    }

    private const string Preview = """
        【周四鲜果团购】截单：周三 20:00，自提点：3栋大堂
        1. 红富士苹果 ¥29.9/箱
        2. 纯牛奶 250ml*24盒 ¥45
        3. 全麦面包 ¥12.8/袋
        回复"苹果+1"或"2号+1"下单
        """;

    [Fact]
    public void The_bots_preview_reads_as_a_chain_of_item_lines()
    {
        var preview = Read(Preview);

        Assert.Equal(3, preview.Entries.Count);
        Assert.StartsWith("【周四鲜果团购】", preview.Header, StringComparison.Ordinal);
    }

    [Fact]
    public void The_preview_item_lines_are_not_orders()
    {
        var parser = new ReplyParser();

        foreach (var entry in OrderChainReader.NewEntries(null, Read(Preview)))
        {
            Assert.Equal(ReplyKind.None, parser.Parse(OrderChainReader.StripName(entry.Text), Catalogs.Fresh).Kind);
        }
    }

    [Fact]
    public void A_copy_of_the_preview_yields_only_the_residents_lines()
    {
        var copy = Read(Preview.Replace("回复", "4. 王阿姨 苹果+2\n回复", StringComparison.Ordinal));

        Assert.Equal([new ChainEntry(4, "王阿姨 苹果+2")], OrderChainReader.NewEntries(Read(Preview), copy));
    }

    [Fact]
    public void New_entries_read_as_orders_once_the_name_is_stripped()
    {
        var copy = Read(Chain + "\n4. 3栋张姐 鸡蛋+1\n5. 赵哥 2号两份");
        var parser = new ReplyParser();

        var orders = OrderChainReader.NewEntries(Read(Chain), copy)
            .Select(e => Replies.Show(parser.Parse(OrderChainReader.StripName(e.Text), Catalogs.Fresh)));

        Assert.Equal(["Order 4:1", "Order 2:2"], orders);
    }

    [Theory]
    [InlineData("王阿姨 苹果+2", "苹果+2")]
    [InlineData("3栋李叔 4号+1", "4号+1")]
    [InlineData("小张 牛奶两箱", "牛奶两箱")]
    [InlineData("Lily 苹果+1", "苹果+1")]
    [InlineData("王阿姨：苹果+2", "苹果+2")]
    [InlineData("王阿姨，苹果+2", "苹果+2")]
    [InlineData("3栋 李叔 4号+1", "4号+1")]
    [InlineData("8-201 王阿姨 苹果+1", "苹果+1")]
    [InlineData("王阿姨 苹果 +2", "苹果 +2")]
    [InlineData("王阿姨 苹果+2 8栋201", "苹果+2 8栋201")]
    [InlineData("王阿姨\u3000苹果+2", "苹果+2")]
    [InlineData("张姐 2号1份", "2号1份")]
    [InlineData("赵哥 第3个+1", "第3个+1")]
    [InlineData("王阿姨 +2", "王阿姨 +2")]
    [InlineData("苹果 +2", "苹果 +2")]
    [InlineData("苹果+2", "苹果+2")]
    [InlineData("苹果+2 王阿姨", "苹果+2 王阿姨")]
    [InlineData("王阿姨", "王阿姨")]
    [InlineData("王阿姨 谢谢", "王阿姨 谢谢")]
    [InlineData("王阿姨 +2 谢谢", "王阿姨 +2 谢谢")]
    [InlineData("王阿姨苹果+2", "王阿姨苹果+2")]
    [InlineData("  王阿姨 苹果+2  ", "苹果+2")]
    public void StripName_drops_a_leading_display_name(string entry, string order)
    {
        Assert.Equal(order, OrderChainReader.StripName(entry));
    }
}
