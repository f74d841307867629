using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Groups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GroupBuy.Conversations.Ordering;

internal sealed class ChatChainConfiguration : IEntityTypeConfiguration<ChatChain>
{
    public void Configure(EntityTypeBuilder<ChatChain> builder)
    {
        builder.ToTable("chat_chains");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Text).HasMaxLength(8000).IsRequired();
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne<Campaign>().WithMany().HasForeignKey(c => c.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Group>().WithMany().HasForeignKey(c => c.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.CampaignId, c.GroupId }).IsUnique();
    }
}
