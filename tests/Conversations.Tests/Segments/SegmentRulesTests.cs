using GroupBuy.Conversations.Segments;
using Xunit;

namespace GroupBuy.Conversations.Tests.Segments;

public sealed class SegmentRulesTests
{
    private static Segment SegmentOf(IReadOnlyList<SegmentAssignment> assignments, long residentId) =>
        assignments.Single(a => a.ResidentId == residentId).Segment;

    [Fact]
    public void Purchases_decide_dormant_and_active_and_spend_decides_core()
    {
        // Ten buyers: the top fifth is the two highest spenders.
        ResidentActivity[] residents =
        [
            new(1, 6, 900m), // ≥5 and top spend → Core
            new(2, 5, 800m), // ≥5 and second → Core
            new(3, 7, 300m), // ≥5 but not top 20% → Active
            new(4, 4, 1000m), // top spend but 4 purchases → Active
            new(5, 2, 50m),
            new(6, 1, 40m), // one purchase → Dormant
            new(7, 1, 30m),
            new(8, 3, 20m),
            new(9, 2, 10m),
            new(10, 1, 5m),
            new(11, 0, 0m), // bought nothing → Dormant, and not counted among buyers
        ];

        var segments = SegmentRules.Classify(residents);

        // Resident 4 spent most, so 1 (900) has one ahead and 2 (800) two: with ten buyers only
        // fewer than two ahead is top fifth.
        Assert.Equal(Segment.Core, SegmentOf(segments, 1));
        Assert.Equal(Segment.Active, SegmentOf(segments, 2));
        Assert.Equal(Segment.Active, SegmentOf(segments, 3));
        Assert.Equal(Segment.Active, SegmentOf(segments, 4));
        Assert.Equal(Segment.Active, SegmentOf(segments, 5));
        Assert.Equal(Segment.Dormant, SegmentOf(segments, 6));
        Assert.Equal(Segment.Dormant, SegmentOf(segments, 11));
        Assert.Equal(new SegmentAssignment(3, Segment.Active, 7, 300m), segments.Single(a => a.ResidentId == 3));
    }

    [Fact]
    public void Ties_at_the_boundary_are_all_in_the_top_fifth()
    {
        decimal[] spends = [500m, 400m, 400m, 300m, 200m, 100m, 90m, 80m, 70m, 60m];

        Assert.True(SegmentRules.IsTopFifth(500m, spends));
        Assert.True(SegmentRules.IsTopFifth(400m, spends)); // one ahead of ten: 5 × 1 < 10
        Assert.False(SegmentRules.IsTopFifth(300m, spends)); // three ahead
    }

    [Fact]
    public void With_fewer_than_five_buyers_only_the_top_spenders_are_top_fifth()
    {
        decimal[] spends = [120m, 120m, 80m];

        Assert.True(SegmentRules.IsTopFifth(120m, spends));
        Assert.False(SegmentRules.IsTopFifth(80m, spends));
        Assert.False(SegmentRules.IsTopFifth(0m, []));
    }

    [Fact]
    public void A_lone_buyer_with_five_purchases_is_core()
    {
        var segments = SegmentRules.Classify([new ResidentActivity(1, 5, 60m), new ResidentActivity(2, 0, 0m)]);

        Assert.Equal(Segment.Core, SegmentOf(segments, 1));
        Assert.Equal(Segment.Dormant, SegmentOf(segments, 2));
    }
}
