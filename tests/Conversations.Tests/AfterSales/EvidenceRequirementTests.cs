using GroupBuy.Conversations.AfterSales;
using Xunit;

namespace GroupBuy.Conversations.Tests.AfterSales;

/// <summary>What each kind of problem must be backed up with before a ticket is opened.</summary>
public sealed class EvidenceRequirementTests
{
    [Theory]
    [InlineData(IssueType.Quality, EvidenceKind.Photo, true)]
    [InlineData(IssueType.Quality, EvidenceKind.Video, true)]
    [InlineData(IssueType.Quality, EvidenceKind.OrderNumber, false)]
    [InlineData(IssueType.Delivery, EvidenceKind.Photo, true)]
    [InlineData(IssueType.Delivery, EvidenceKind.Video, false)]
    [InlineData(IssueType.Order, EvidenceKind.OrderScreenshot, true)]
    [InlineData(IssueType.Order, EvidenceKind.OrderNumber, true)]
    [InlineData(IssueType.Order, EvidenceKind.Photo, false)]
    [InlineData(IssueType.MistakenOrder, EvidenceKind.Photo, false)]
    public void Each_type_accepts_its_own_evidence(IssueType type, EvidenceKind kind, bool accepted)
    {
        Assert.Equal(accepted, EvidenceRequirement.For(type).Accepts(kind));
    }

    [Theory]
    [InlineData(IssueType.Quality, true)]
    [InlineData(IssueType.Order, true)]
    [InlineData(IssueType.Delivery, true)]
    [InlineData(IssueType.MistakenOrder, false)]
    public void Only_a_mistaken_order_skips_the_evidence_step(IssueType type, bool required)
    {
        var requirement = EvidenceRequirement.For(type);

        Assert.Equal(type, requirement.Type);
        Assert.Equal(required, requirement.IsRequired);
    }
}
