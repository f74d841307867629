using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GroupBuy.Conversations.Campaigns;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.ToTable("campaigns");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Title).HasMaxLength(200).IsRequired();
        builder.Property(c => c.PickupPoint).HasMaxLength(200).IsRequired();
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.Status, c.ClosesAt });

        builder.HasMany(c => c.Items).WithOne().HasForeignKey(i => i.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Items).HasField("items").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasMany(c => c.Chats).WithOne().HasForeignKey(c => c.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Chats).HasField("chats").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
