using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GroupBuy.Conversations.Outbox;

internal sealed class OutboundMessageConfiguration : IEntityTypeConfiguration<OutboundMessage>
{
    public void Configure(EntityTypeBuilder<OutboundMessage> builder)
    {
        builder.ToTable("outbound_messages", t => t.HasCheckConstraint(
            "ck_outbound_messages_target", "(chat_id IS NULL) <> (to_user_id IS NULL)"));
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Channel).HasMaxLength(16).IsRequired();
        builder.Property(m => m.ChatId).HasMaxLength(128);
        builder.Property(m => m.ToUserId).HasMaxLength(128);
        builder.Property(m => m.Text).HasMaxLength(8000).IsRequired();
        builder.Property(m => m.IdempotencyKey).HasMaxLength(200).IsRequired();
        builder.Property(m => m.ReplyUrl).HasMaxLength(1000);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.LastError).HasMaxLength(500);
        builder.Property(m => m.TargetKey).HasMaxLength(200).IsRequired();
        builder.Property(m => m.Version).IsConcurrencyToken();

        builder.HasIndex(m => m.IdempotencyKey).IsUnique();
        // The dispatcher's queue: pending messages that are due, each target's oldest first.
        builder.HasIndex(m => new { m.Status, m.DueAt, m.Id });
        builder.HasIndex(m => new { m.Status, m.TargetKey, m.Id });
        // Rate limits count what a target was sent recently.
        builder.HasIndex(m => new { m.TargetKey, m.SentAt });
    }
}
