using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GroupBuy.Conversations.Schedules;

internal sealed class ScheduleConfiguration : IEntityTypeConfiguration<Schedule>
{
    public void Configure(EntityTypeBuilder<Schedule> builder)
    {
        builder.ToTable("schedules");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Name).HasMaxLength(100).IsRequired();
        builder.Property(s => s.Cron).HasMaxLength(100).IsRequired();
        builder.Property(s => s.Title).HasMaxLength(200).IsRequired();
        builder.Property(s => s.PickupPoint).HasMaxLength(200).IsRequired();
        builder.Property(s => s.Version).IsConcurrencyToken();

        builder.HasMany(s => s.Items).WithOne().HasForeignKey(i => i.ScheduleId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Items).HasField("items").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasMany(s => s.Targets).WithOne().HasForeignKey(t => t.ScheduleId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Targets).HasField("targets").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
