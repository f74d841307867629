namespace GroupBuy.Conversations.Ordering.Parsing;

/// <summary>How a count was written, which decides how sure the parser can be that it is an order.</summary>
internal enum QuantityForm
{
    /// <summary>"+2", "加二", "x2", "×2", "*2": the group-buy way of ordering.</summary>
    Plus = 0,

    /// <summary>"来一份", "要两个", "帮我留3份": a count after a verb that asks for something.</summary>
    Verb = 1,

    /// <summary>"两箱", "3份": a count with a measure word, also used when talking about goods.</summary>
    Unit = 2,

    /// <summary>"牛奶2": digits right after an item.</summary>
    Bare = 3,

    /// <summary>The new count after "改成".</summary>
    ChangeTo = 4,

    /// <summary>"各一份", "每样一份".</summary>
    Each = 5,
}
