using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Groups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GroupBuy.Conversations.Ordering.Acknowledgements;

internal sealed class AckBatchConfiguration : IEntityTypeConfiguration<AckBatch>
{
    public void Configure(EntityTypeBuilder<AckBatch> builder)
    {
        builder.ToTable("ack_batches");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.HasOne<Campaign>().WithMany().HasForeignKey(b => b.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Group>().WithMany().HasForeignKey(b => b.GroupId).OnDelete(DeleteBehavior.Cascade);

        // At most one open batch per chat and campaign: orders join it instead of starting another.
        builder.HasIndex(b => new { b.CampaignId, b.GroupId }).IsUnique().HasFilter("status = 'Open'");
        builder.HasIndex(b => new { b.Status, b.DueAt });
    }
}
