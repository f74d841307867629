using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GroupBuy.Conversations.Campaigns;

internal sealed class CampaignItemConfiguration : IEntityTypeConfiguration<CampaignItem>
{
    public void Configure(EntityTypeBuilder<CampaignItem> builder)
    {
        builder.ToTable("campaign_items", t => t.HasCheckConstraint("ck_campaign_items_stock", "stock IS NULL OR stock >= 0"));
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Name).HasMaxLength(100).IsRequired();
        builder.Property(i => i.Category).HasMaxLength(32).IsRequired();
        builder.Property(i => i.Aliases);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.Ignore(i => i.PriceAdvantage);
        builder.HasIndex(i => new { i.CampaignId, i.ItemNo }).IsUnique();
    }
}
