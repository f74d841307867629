namespace GroupBuy.Conversations.Coupons;

/// <summary>
/// A coupon given to a resident: usable from <see cref="IssuedAt"/> until <see cref="ExpiresAt"/>
/// (exclusive) on one order that reaches its threshold. Using it is one conditional UPDATE
/// ("used_at IS NULL"), so of two orders racing for it exactly one gets it (<see cref="CouponRedemption"/>).
/// </summary>
public sealed class Coupon
{
    private Coupon()
    {
        Label = string.Empty;
    }

    public Coupon(long residentId, CouponPurpose purpose, CouponTerms terms, DateTimeOffset issuedAt, DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(expiresAt, issuedAt);
        ResidentId = residentId;
        Purpose = purpose;
        Label = terms.Label;
        Threshold = terms.Threshold;
        Amount = terms.Amount;
        Rate = terms.Rate;
        IssuedAt = issuedAt;
        ExpiresAt = expiresAt;
    }

    public long Id { get; private set; }

    public long ResidentId { get; private set; }

    public CouponPurpose Purpose { get; private set; }

    /// <summary>"满30减8", "9.5折": the kind, as residents read it.</summary>
    public string Label { get; private set; }

    public decimal Threshold { get; private set; }

    /// <summary>Yuan off (满减); null for a rate.</summary>
    public decimal? Amount { get; private set; }

    /// <summary>Share of the total paid (0.95 = 9.5折); null for an amount.</summary>
    public decimal? Rate { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    public long? UsedOnOrderId { get; private set; }

    public CouponTerms Terms => new(Threshold, Amount, Rate);

    public bool IsUsableAt(DateTimeOffset now) => UsedAt is null && IssuedAt <= now && now < ExpiresAt;
}
