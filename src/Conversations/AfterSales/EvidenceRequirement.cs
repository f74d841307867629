namespace GroupBuy.Conversations.AfterSales;

/// <summary>
/// The evidence a type asks for: any one of <see cref="Accepted"/> will do. An empty list means the
/// dialog skips the evidence step (a mistaken order has nothing to show).
/// </summary>
public sealed record EvidenceRequirement(IssueType Type, IReadOnlyList<EvidenceKind> Accepted)
{
    private static readonly EvidenceRequirement QualityEvidence = new(IssueType.Quality, [EvidenceKind.Photo, EvidenceKind.Video]);
    private static readonly EvidenceRequirement OrderEvidence = new(IssueType.Order, [EvidenceKind.OrderScreenshot, EvidenceKind.OrderNumber]);
    private static readonly EvidenceRequirement DeliveryEvidence = new(IssueType.Delivery, [EvidenceKind.Photo]);
    private static readonly EvidenceRequirement MistakenOrderEvidence = new(IssueType.MistakenOrder, []);

    public bool IsRequired => Accepted.Count > 0;

    public bool Accepts(EvidenceKind kind) => Accepted.Contains(kind);

    public static EvidenceRequirement For(IssueType type) => type switch
    {
        IssueType.Quality => QualityEvidence,
        IssueType.Order => OrderEvidence,
        IssueType.Delivery => DeliveryEvidence,
        IssueType.MistakenOrder => MistakenOrderEvidence,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown issue type."),
    };
}
