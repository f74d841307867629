namespace GroupBuy.Conversations.Ordering.Parsing;

/// <summary>
/// Words around an order that carry no order: thanks, greetings, particles, pronouns, joining
/// words. What is left of a word after they go is something the parser has to account for.
/// </summary>
internal static class Fillers
{
    // Longest first, so "谢谢团长" goes as a whole before "团长" is looked for.
    private static readonly string[] Words =
    [
        .. new[]
        {
            "谢谢团长", "谢谢老板", "辛苦团长", "麻烦团长", "不好意思", "谢谢", "谢啦", "多谢", "感谢", "辛苦了", "辛苦啦", "辛苦",
            "麻烦了", "麻烦", "团长", "老板", "亲爱的", "抱歉", "对不起", "哈哈", "嘿嘿", "呵呵", "嗯嗯", "好的", "好滴", "收到",
            "okay", "ok", "我也要", "我要", "我也", "我的", "我们", "给我", "帮我", "这个", "那个", "这份", "那份", "这单", "那单", "订单", "这些",
            "那些", "还有", "另外", "算了", "还是", "暂时", "今天", "这次", "这周", "这期", "之前", "刚才", "刚刚", "数量", "大家", "然后", "一起", "一共", "总共", "一下", "可以", "行", "好", "我", "也", "再", "还", "先", "就",
            "请", "亲", "多", "这", "那", "是", "了", "吧", "啦", "呀", "啊", "哦", "噢", "喔", "嘛", "哒", "的", "和", "跟", "与", "及", "共", "加",
            "要", "来", "买", "订", "拿", "留", "把", "个", "份", "哈", "嗯", "呐", "滴", "额", "诶", "嘞",
        }.OrderByDescending(w => w.Length),
    ];

    public static string Strip(string word)
    {
        foreach (var filler in Words)
        {
            if (word.Contains(filler, StringComparison.Ordinal))
            {
                word = word.Replace(filler, string.Empty, StringComparison.Ordinal);
            }
        }

        return word;
    }

    public static bool IsFiller(string word) => Strip(word).Length == 0;
}
