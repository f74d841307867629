using GroupBuy.Conversations.Coupons;

namespace GroupBuy.BotHost.Console.Pages.Residents;

/// <summary>A coupon in the list: its resident, where it stands, and the campaign of the order that took it.</summary>
public sealed record CouponRow(Coupon Coupon, string ResidentName, string Channel, CouponStatus Status, long? CampaignId, string? CampaignTitle);
