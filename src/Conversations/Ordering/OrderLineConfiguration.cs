using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GroupBuy.Conversations.Ordering;

internal sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> builder)
    {
        builder.ToTable("order_lines", t => t.HasCheckConstraint("ck_order_lines_quantity", "quantity > 0"));
        builder.HasKey(l => l.Id);
        builder.Ignore(l => l.Amount);
        builder.HasIndex(l => new { l.OrderId, l.ItemNo }).IsUnique();
    }
}
