using GroupBuy.Conversations.AfterSales;
using Xunit;

namespace GroupBuy.Conversations.Tests.AfterSales;

/// <summary>The short answers of the intake dialog: only the whole answer counts, so a sentence is never taken for a click.</summary>
public sealed class IntakeAnswersTests
{
    [Theory]
    [InlineData("取消")]
    [InlineData("算了")]
    [InlineData("取消吧")]
    [InlineData("不用了")]
    [InlineData("退出")]
    [InlineData("不办了")]
    [InlineData("结束了")]
    [InlineData(" 取消！ ")]
    public void Cancel_words_cancel(string text)
    {
        Assert.True(IntakeAnswers.IsCancel(text));
    }

    [Theory]
    [InlineData("取消这单里的香蕉")]
    [InlineData("算")]
    [InlineData("我不想取消")]
    [InlineData("1")]
    public void Sentences_that_mention_cancelling_are_not_a_cancel(string text)
    {
        Assert.False(IntakeAnswers.IsCancel(text));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("1.")]
    [InlineData("确认")]
    [InlineData("提交")]
    [InlineData("好的呀！")]
    [InlineData("OK")]
    [InlineData("没问题")]
    public void Confirm_answers_confirm_and_do_not_redo(string text)
    {
        Assert.True(IntakeAnswers.IsConfirm(text));
        Assert.False(IntakeAnswers.IsRedo(text));
    }

    [Theory]
    [InlineData("2")]
    [InlineData("第二个")]
    [InlineData("修改")]
    [InlineData("重新描述")]
    [InlineData("改吧")]
    public void Redo_answers_redo_and_do_not_confirm(string text)
    {
        Assert.True(IntakeAnswers.IsRedo(text));
        Assert.False(IntakeAnswers.IsConfirm(text));
    }

    [Theory]
    [InlineData("确认一下是哪天到")]
    [InlineData("3")]
    [InlineData("好像不对")]
    public void Other_answers_neither_confirm_nor_redo(string text)
    {
        Assert.False(IntakeAnswers.IsConfirm(text));
        Assert.False(IntakeAnswers.IsRedo(text));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("同意")]
    [InlineData("接受")]
    [InlineData("行")]
    [InlineData("好的")]
    [InlineData("可以呀")]
    public void Accept_answers_accept_and_do_not_decline(string text)
    {
        Assert.True(IntakeAnswers.IsAccept(text));
        Assert.False(IntakeAnswers.IsDecline(text));
    }

    [Theory]
    [InlineData("2")]
    [InlineData("不同意")]
    [InlineData("不接受")]
    [InlineData("不行")]
    [InlineData("不好")]
    [InlineData("拒绝！")]
    public void Decline_answers_decline_and_do_not_accept(string text)
    {
        Assert.True(IntakeAnswers.IsDecline(text));
        Assert.False(IntakeAnswers.IsAccept(text));
    }

    [Theory]
    [InlineData("2")]
    [InlineData("2.")]
    [InlineData("2。")]
    [InlineData("2、")]
    [InlineData("第二个")]
    [InlineData("第2单")]
    [InlineData("二")]
    [InlineData("两")]
    [InlineData("2号")]
    [InlineData(" 第二个吧 ")]
    public void Numbered_choices_are_read(string text)
    {
        Assert.True(IntakeAnswers.TryChoice(text, 3, out var choice));
        Assert.Equal(2, choice);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("3", 3)]
    [InlineData("第三单", 3)]
    [InlineData("12", 12)]
    public void Every_choice_up_to_the_count_is_read(string text, int expected)
    {
        Assert.True(IntakeAnswers.TryChoice(text, 12, out var choice));
        Assert.Equal(expected, choice);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("4")]
    [InlineData("第四个")]
    [InlineData("99")]
    public void Choices_out_of_range_are_refused(string text)
    {
        Assert.False(IntakeAnswers.TryChoice(text, 3, out _));
    }

    [Theory]
    [InlineData("2个烂了")]
    [InlineData("2个苹果坏了")]
    [InlineData("第二个苹果")]
    [InlineData("我买了2斤")]
    [InlineData("")]
    [InlineData("苹果")]
    public void Sentences_with_a_number_are_not_a_choice(string text)
    {
        Assert.False(IntakeAnswers.TryChoice(text, 3, out _));
    }

    [Theory]
    [InlineData("5", 5)]
    [InlineData("5分", 5)]
    [InlineData("五星", 5)]
    [InlineData("4分吧", 4)]
    [InlineData("3 分", 3)]
    [InlineData("两分", 2)]
    [InlineData("1", 1)]
    public void Ratings_of_one_to_five_are_read(string text, int expected)
    {
        Assert.True(IntakeAnswers.TryRating(text, out var rating));
        Assert.Equal(expected, rating);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("6")]
    [InlineData("六星")]
    [InlineData("10分")]
    [InlineData("5分，挺好")]
    [InlineData("很满意")]
    public void Other_ratings_are_refused(string text)
    {
        Assert.False(IntakeAnswers.TryRating(text, out _));
    }

    [Theory]
    [InlineData("1024", "1024")]
    [InlineData("取件码 8866", "8866")]
    [InlineData("订单号是20261128001，少了香蕉", "20261128001")]
    public void An_order_number_is_four_or_more_digits_anywhere(string text, string expected)
    {
        Assert.True(IntakeAnswers.TryOrderNumber(text, out var number));
        Assert.Equal(expected, number);
    }

    [Theory]
    [InlineData("123")]
    [InlineData("少了2袋香蕉")]
    [InlineData("T")]
    public void Fewer_than_four_digits_are_no_order_number(string text)
    {
        Assert.False(IntakeAnswers.TryOrderNumber(text, out var number));
        Assert.Null(number);
    }
}
