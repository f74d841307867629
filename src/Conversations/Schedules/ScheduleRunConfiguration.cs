using GroupBuy.Conversations.Campaigns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GroupBuy.Conversations.Schedules;

internal sealed class ScheduleRunConfiguration : IEntityTypeConfiguration<ScheduleRun>
{
    public void Configure(EntityTypeBuilder<ScheduleRun> builder)
    {
        builder.ToTable("schedule_runs");
        builder.HasKey(r => r.Id);
        // The claim on an occurrence: the second writer for the same run time gets a unique violation.
        builder.HasIndex(r => new { r.ScheduleId, r.RunAt }).IsUnique();
        builder.HasOne<Schedule>().WithMany().HasForeignKey(r => r.ScheduleId).OnDelete(DeleteBehavior.Cascade);
        // A deleted draft never has a run; published campaigns are never deleted.
        builder.HasOne<Campaign>().WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.CampaignId);
    }
}
