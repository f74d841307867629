using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GroupBuy.Conversations.AfterSales;

internal sealed class IntakeDialogConfiguration : IEntityTypeConfiguration<IntakeDialog>
{
    public void Configure(EntityTypeBuilder<IntakeDialog> builder)
    {
        builder.ToTable("intake_dialogs");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Channel).HasMaxLength(16).IsRequired();
        builder.Property(d => d.ResidentUserId).HasMaxLength(128).IsRequired();
        builder.Property(d => d.ResidentName).HasMaxLength(64).IsRequired();
        builder.Property(d => d.ChatId).HasMaxLength(128);
        builder.Property(d => d.Step).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Type).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Description).HasMaxLength(1000);
        builder.Property(d => d.Version).IsConcurrencyToken();

        // One open intake per resident, even when two of their messages are handled at once
        // (one in the group, one in the private chat).
        builder.HasIndex(d => new { d.Channel, d.ResidentUserId }).IsUnique().HasFilter("ended_at IS NULL");
        // The silence sweep: open dialogs by last activity.
        builder.HasIndex(d => new { d.EndedAt, d.LastActivityAt });
    }
}
