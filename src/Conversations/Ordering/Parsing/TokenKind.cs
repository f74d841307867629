namespace GroupBuy.Conversations.Ordering.Parsing;

internal enum TokenKind
{
    /// <summary>An item by name, alias, part of a name or number ("牛奶", "4号", "第4个").</summary>
    Item = 0,

    /// <summary>A word next to a quantity or a cancel that fits no item ("香蕉" when nobody sells bananas).</summary>
    Unknown = 1,

    /// <summary>A count: "+2", "加二", "x2", "两箱", "来一份", "改成4份"'s 4.</summary>
    Quantity = 2,

    /// <summary>"各一份", "每样一份", "都要两份": the same count for several items.</summary>
    Each = 3,

    /// <summary>"-1", "减一", "少要一份": asks to take some off, not to set a new total.</summary>
    Decrease = 4,

    /// <summary>"要", "来", "帮我留" before an item with no count: one of it.</summary>
    OrderVerb = 5,

    /// <summary>"改成", "改为", "换成", "只要".</summary>
    ChangeMarker = 6,

    /// <summary>"取消", "不要了", "退掉", "删掉".</summary>
    CancelMarker = 7,

    /// <summary>"都", "全部", "所有": everything, or every item named.</summary>
    AllWord = 8,

    /// <summary>"同上", "跟楼上一样": an order only someone else's message can explain.</summary>
    SameAsOthers = 9,
}
