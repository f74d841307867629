namespace GroupBuy.Conversations.Ordering;

/// <summary>What a reply does to a resident's order.</summary>
public enum OrderEdit
{
    /// <summary>"苹果+2": adds to the quantities.</summary>
    Add = 0,

    /// <summary>"改成4份": sets the quantities.</summary>
    Set = 1,

    /// <summary>"取消面包": removes the listed items.</summary>
    Remove = 2,

    /// <summary>"都取消吧": removes everything.</summary>
    RemoveAll = 3,
}
