namespace GroupBuy.Conversations.Commission;

/// <summary>One of the leader's groups on a statement, named as ops registered it.</summary>
public sealed record GroupSubtotal(long GroupId, string Channel, string ChatId, string Name, string Community, decimal Sales, decimal Commission);
