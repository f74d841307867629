using GroupBuy.Conversations.AfterSales;
using Xunit;

namespace GroupBuy.Conversations.Tests.AfterSales;

/// <summary>Which resident messages open an after-sales intake, with the type the words already tell, and which stay chat.</summary>
public sealed class IntakeTriggerReaderTests
{
    [Theory]
    [InlineData("售后")]
    [InlineData("我要售后")]
    [InlineData("售后怎么弄")]
    [InlineData("申请退款")]
    [InlineData("我要退款")]
    [InlineData("能退款吗")]
    [InlineData("这个能退吗")]
    [InlineData("我要退货")]
    [InlineData("帮我退掉吧")]
    [InlineData("团长，退钱")]
    [InlineData("有问题")]
    [InlineData("我的订单有问题")]
    [InlineData("团长 这次的鸡蛋有点问题啊")]
    [InlineData("我要投诉")]
    [InlineData("能换货吗")]
    public void Requests_open_an_intake_without_a_type(string text)
    {
        Assert.True(IntakeTriggerReader.TryRead(text, out var trigger));
        Assert.Null(trigger.SuggestedType);
    }

    [Theory]
    [InlineData("苹果坏了", IssueType.Quality)]
    [InlineData("草莓烂了好几个", IssueType.Quality)]
    [InlineData("团长，昨天拿的桃子烂了三个", IssueType.Quality)]
    [InlineData("牛奶过期了！", IssueType.Quality)]
    [InlineData("酸奶已经过期两天了", IssueType.Quality)]
    [InlineData("肉有点变质，味道不对", IssueType.Quality)]
    [InlineData("面包发霉了", IssueType.Quality)]
    [InlineData("橙子有好几个是烂的", IssueType.Quality)]
    [InlineData("鸡蛋碎了两个", IssueType.Quality)]
    [InlineData("这批青菜一点都不新鲜", IssueType.Quality)]
    [InlineData("这个西瓜是不是坏了", IssueType.Quality)]
    [InlineData("我的葡萄少了一份", IssueType.Order)]
    [InlineData("少了一袋牛奶", IssueType.Order)]
    [InlineData("少发了一个", IssueType.Order)]
    [InlineData("团长你们漏发了我的大米", IssueType.Order)]
    [InlineData("发错了，我买的是红富士", IssueType.Order)]
    [InlineData("缺了两盒鸡蛋", IssueType.Order)]
    [InlineData("拿回家发现数量不对", IssueType.Order)]
    [InlineData("今天又晚到了两个小时", IssueType.Delivery)]
    [InlineData("送晚了，菜都蔫了", IssueType.Delivery)]
    [InlineData("箱子压坏了，里面的梨也压扁了", IssueType.Delivery)]
    [InlineData("我买错了", IssueType.MistakenOrder)]
    [InlineData("不好意思下错了，应该是2号", IssueType.MistakenOrder)]
    [InlineData("这个我不想要了", IssueType.MistakenOrder)]
    [InlineData("手滑点错了", IssueType.MistakenOrder)]
    [InlineData("我要退款，草莓全烂了", IssueType.Quality)]
    [InlineData("退货 发错了", IssueType.Order)]
    [InlineData("烂了两个，退款什么时候能到", IssueType.Quality)]
    public void Reports_open_an_intake_with_the_type_they_tell(string text, IssueType type)
    {
        Assert.True(IntakeTriggerReader.TryRead(text, out var trigger));
        Assert.Equal(type, trigger.SuggestedType);
    }

    [Theory]
    [InlineData("这个苹果坏了吗不会吧")]
    [InlineData("放冰箱会不会坏")]
    [InlineData("万一烂了能退吗")]
    [InlineData("如果过期了怎么办")]
    [InlineData("牛奶过期没")]
    [InlineData("苹果没坏，挺好的")]
    [InlineData("没有问题，谢谢团长")]
    [InlineData("东西都收到了没问题")]
    [InlineData("有问题随时找我")]
    [InlineData("大家还有问题吗")]
    [InlineData("退款什么时候到")]
    [InlineData("退款到账了吗")]
    [InlineData("退款已经收到了，谢谢")]
    [InlineData("已经退款了")]
    [InlineData("电梯坏了，晚点下楼取")]
    [InlineData("我家冰箱坏了，先放团长这里")]
    [InlineData("苹果+2")]
    [InlineData("今天几点到货")]
    [InlineData("不少了，够吃")]
    [InlineData("这个草莓甜不甜")]
    [InlineData("谢谢团长，很新鲜")]
    [InlineData("")]
    public void Chat_that_merely_contains_a_word_does_not(string text)
    {
        Assert.False(IntakeTriggerReader.TryRead(text, out _));
    }
}
