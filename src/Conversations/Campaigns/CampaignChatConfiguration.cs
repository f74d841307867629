using GroupBuy.Conversations.Groups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GroupBuy.Conversations.Campaigns;

internal sealed class CampaignChatConfiguration : IEntityTypeConfiguration<CampaignChat>
{
    public void Configure(EntityTypeBuilder<CampaignChat> builder)
    {
        builder.ToTable("campaign_chats");
        builder.HasKey(c => new { c.CampaignId, c.GroupId });
        builder.HasOne<Group>().WithMany().HasForeignKey(c => c.GroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.GroupId);
    }
}
