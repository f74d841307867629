using GroupBuy.Conversations.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GroupBuy.Conversations.Marketing;

internal sealed class MarketingOptOutConfiguration : IEntityTypeConfiguration<MarketingOptOut>
{
    public void Configure(EntityTypeBuilder<MarketingOptOut> builder)
    {
        builder.ToTable("marketing_opt_outs");
        builder.HasKey(o => o.Id);
        builder.HasIndex(o => o.ResidentId).IsUnique();
        builder.HasOne<Resident>().WithMany().HasForeignKey(o => o.ResidentId).OnDelete(DeleteBehavior.Cascade);
    }
}
