using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Groups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GroupBuy.Conversations.Reminders;

internal sealed class PickupReminderConfiguration : IEntityTypeConfiguration<PickupReminder>
{
    public void Configure(EntityTypeBuilder<PickupReminder> builder)
    {
        builder.ToTable("pickup_reminders");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Step).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Group>().WithMany().HasForeignKey(r => r.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.CampaignId, r.GroupId, r.Step }).IsUnique();
        builder.HasIndex(r => new { r.SentAt, r.DueAt });
    }
}
