namespace GroupBuy.Conversations.AfterSales;

/// <summary>What a resident can send to back a request up.</summary>
public enum EvidenceKind
{
    Photo,
    Video,
    OrderScreenshot,
    OrderNumber,
}
