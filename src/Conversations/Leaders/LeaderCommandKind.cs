namespace GroupBuy.Conversations.Leaders;

/// <summary>What a leader (团长) can tell the bot in their group.</summary>
public enum LeaderCommandKind
{
    /// <summary>帮助: what the leader can say here.</summary>
    Help,

    /// <summary>开团 &lt;campaign&gt;: publish a prepared campaign into this group.</summary>
    Publish,

    /// <summary>截单: close ordering in this group now.</summary>
    CutOff,

    /// <summary>汇总 / 统计: the group's orders, per item and per resident.</summary>
    Summary,

    /// <summary>到货: the goods are at the pickup point; residents are told their pickup codes.</summary>
    Arrival,

    /// <summary>已取 / 核销 &lt;code&gt; or @resident: a resident collected their goods.</summary>
    Pickup,

    /// <summary>未取: who has not collected yet.</summary>
    NotPickedUp,

    /// <summary>缺货 &lt;item no&gt; &lt;qty&gt;: a shortage found at receiving.</summary>
    Shortage,

    /// <summary>提醒: remind those who have not collected, now.</summary>
    Remind,

    /// <summary>佣金: this week's and this month's commission.</summary>
    Commission,
}
