namespace GroupBuy.Conversations.Groups;

/// <summary>How the bot posts into a WeCom group; WeCom offers a different door for each kind of group.</summary>
public enum WeComRoute
{
    /// <summary>An internal group with a group robot (群机器人) webhook: posts freely, 20 messages a minute.</summary>
    Robot = 0,

    /// <summary>An internal group chat the application created (appchat): posts freely.</summary>
    AppChat = 1,

    /// <summary>
    /// A customer group (客户群) with residents' WeChat accounts: the leader confirms each group message
    /// in WeCom, and each group receives at most one a day. Previews, not conversation.
    /// </summary>
    CustomerGroup = 2,
}
