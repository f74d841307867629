using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GroupBuy.Conversations.Simulator;

internal sealed class SimulatorMessageConfiguration : IEntityTypeConfiguration<SimulatorMessage>
{
    public void Configure(EntityTypeBuilder<SimulatorMessage> builder)
    {
        builder.ToTable("simulator_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.ChatId).HasMaxLength(128);
        builder.Property(m => m.PersonId).HasMaxLength(128).IsRequired();
        builder.Property(m => m.SenderName).HasMaxLength(64).IsRequired();
        builder.Property(m => m.Text).HasMaxLength(8000).IsRequired();
        builder.Property(m => m.IdempotencyKey).HasMaxLength(200);
        builder.HasIndex(m => m.IdempotencyKey).IsUnique();
        builder.HasIndex(m => new { m.ChatId, m.Id });
        builder.HasIndex(m => new { m.PersonId, m.Id });
    }
}
