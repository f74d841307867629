namespace GroupBuy.BotHost.Channels.WeCom.Api;

/// <summary>A customer group (客户群) as externalcontact/groupchat/get describes it.</summary>
/// <param name="Owner">The group owner's userid: the leader (团长) who runs it.</param>
internal sealed record WeComGroupChat(string ChatId, string Name, string Owner, IReadOnlyList<WeComGroupMember> Members);

/// <summary>One member of a customer group.</summary>
/// <param name="Type">1 a member of the company (the leader, staff), 2 a customer (a resident's WeChat).</param>
internal sealed record WeComGroupMember(string UserId, int Type, string? Name, string? GroupNickname)
{
    public bool IsCustomer => Type == 2;

    /// <summary>How the member appears in the group: the group nickname if set, else the name.</summary>
    public string DisplayName => !string.IsNullOrWhiteSpace(GroupNickname) ? GroupNickname : Name ?? UserId;
}
