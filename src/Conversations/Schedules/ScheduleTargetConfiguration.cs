using GroupBuy.Conversations.Groups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GroupBuy.Conversations.Schedules;

internal sealed class ScheduleTargetConfiguration : IEntityTypeConfiguration<ScheduleTarget>
{
    public void Configure(EntityTypeBuilder<ScheduleTarget> builder)
    {
        builder.ToTable("schedule_targets");
        builder.HasKey(t => new { t.ScheduleId, t.GroupId });
        builder.HasOne<Group>().WithMany().HasForeignKey(t => t.GroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => t.GroupId);
    }
}
