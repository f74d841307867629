using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GroupBuy.Conversations.Inbox;

internal sealed class InboundMessageConfiguration : IEntityTypeConfiguration<InboundMessage>
{
    public void Configure(EntityTypeBuilder<InboundMessage> builder)
    {
        builder.ToTable("inbound_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Channel).HasMaxLength(16).IsRequired();
        builder.Property(m => m.MessageId).HasMaxLength(128).IsRequired();
        builder.Property(m => m.ChatId).HasMaxLength(128);
        builder.Property(m => m.SenderId).HasMaxLength(128).IsRequired();
        builder.Property(m => m.SenderName).HasMaxLength(64).IsRequired();
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Text).HasMaxLength(8000);
        builder.Property(m => m.ImageUrl).HasMaxLength(2000);
        builder.Property(m => m.QuotedMessageId).HasMaxLength(128);
        builder.Property(m => m.ReplyUrl).HasMaxLength(1000);
        builder.Property(m => m.LastError).HasMaxLength(500);
        builder.Property(m => m.ConversationKey).HasMaxLength(200).IsRequired();
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Version).IsConcurrencyToken();

        builder.HasIndex(m => new { m.Channel, m.MessageId }).IsUnique();
        // The processor's queue: pending messages, each conversation's in arrival order.
        builder.HasIndex(m => new { m.Status, m.ConversationKey, m.Id });
        // Recent messages of a chat, for order chains and quoted previews.
        builder.HasIndex(m => new { m.Channel, m.ChatId, m.Id });
    }
}
