using System.Linq.Expressions;
using GroupBuy.Conversations.Campaigns;

namespace GroupBuy.BotHost.Console;

/// <summary>
/// Where a campaign stands as ops see it: 草稿, 接单中 (published and before its cut-off, as
/// <see cref="Campaign.IsTakingOrders"/> says), or 已截单 (closed, or past its cut-off though the
/// cut-off job has not run yet). The stored status alone would show a campaign past its cut-off as open.
/// </summary>
public enum CampaignStage
{
    Draft = 0,
    TakingOrders = 1,
    Closed = 2,
}

public static class CampaignStages
{
    public static CampaignStage Of(Campaign campaign, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return campaign.Status == CampaignStatus.Draft ? CampaignStage.Draft
            : campaign.IsTakingOrders(now) ? CampaignStage.TakingOrders
            : CampaignStage.Closed;
    }

    /// <summary>
    /// The same test for a database query; it must agree with <see cref="Campaign.IsTakingOrders"/>,
    /// which cannot be translated to SQL.
    /// </summary>
    public static Expression<Func<Campaign, bool>> Is(CampaignStage stage, DateTimeOffset now) => stage switch
    {
        CampaignStage.Draft => c => c.Status == CampaignStatus.Draft,
        CampaignStage.TakingOrders => c => c.Status == CampaignStatus.Published && now < c.ClosesAt,
        _ => c => c.Status == CampaignStatus.Closed || (c.Status == CampaignStatus.Published && c.ClosesAt <= now),
    };

    /// <summary>The code in a console address (<c>?status=taking</c>).</summary>
    public static string Code(CampaignStage stage) => stage switch
    {
        CampaignStage.Draft => "draft",
        CampaignStage.TakingOrders => "taking",
        _ => "closed",
    };

    public static bool TryParse(string? code, out CampaignStage stage)
    {
        foreach (var candidate in Enum.GetValues<CampaignStage>())
        {
            if (string.Equals(Code(candidate), code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                stage = candidate;
                return true;
            }
        }

        stage = default;
        return false;
    }
}
