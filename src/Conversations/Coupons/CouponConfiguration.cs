using GroupBuy.Conversations.Ordering;
using GroupBuy.Conversations.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GroupBuy.Conversations.Coupons;

internal sealed class CouponConfiguration : IEntityTypeConfiguration<Coupon>
{
    public void Configure(EntityTypeBuilder<Coupon> builder)
    {
        builder.ToTable("coupons");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Purpose).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Label).HasMaxLength(16).IsRequired();
        builder.Property(c => c.Rate).HasPrecision(5, 4);
        builder.Ignore(c => c.Terms);
        builder.HasOne<Resident>().WithMany().HasForeignKey(c => c.ResidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Order>().WithMany().HasForeignKey(c => c.UsedOnOrderId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(c => new { c.ResidentId, c.ExpiresAt });

        // An order carries at most one coupon; the conditional UPDATE keeps a coupon on at most one order.
        builder.HasIndex(c => c.UsedOnOrderId).IsUnique();
    }
}
