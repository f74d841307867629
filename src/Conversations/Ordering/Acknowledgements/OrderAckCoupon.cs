namespace GroupBuy.Conversations.Ordering.Acknowledgements;

/// <summary>
/// A coupon in a resident's acknowledgement: the one their order uses ("已用券：满30减8，实付¥27"),
/// or, when it uses none, one they hold and could reach ("您有一张满30减8券，满30元自动抵扣").
/// Threshold "0" means it applies to any order (9.5折). Money as text in yuan.
/// </summary>
public sealed record OrderAckCoupon(string Label, string Threshold, bool Used, string Discount, string Payable);
