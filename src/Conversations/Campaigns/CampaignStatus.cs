namespace GroupBuy.Conversations.Campaigns;

public enum CampaignStatus
{
    /// <summary>Being prepared by ops; residents cannot see it yet.</summary>
    Draft = 0,

    /// <summary>The preview went out (开团); replies become orders until cut-off.</summary>
    Published = 1,

    /// <summary>Cut off (截单): no more orders.</summary>
    Closed = 2,
}
