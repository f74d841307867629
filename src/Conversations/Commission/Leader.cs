namespace GroupBuy.Conversations.Commission;

/// <summary>
/// A leader (团长) as commission knows them: the user id on one channel that leads one or more
/// groups, and the name on the group registered last.
/// </summary>
public sealed record Leader(string Channel, string LeaderId, string LeaderName);
