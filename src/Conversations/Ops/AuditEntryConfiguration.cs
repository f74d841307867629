using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GroupBuy.Conversations.Ops;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Actor).HasMaxLength(64).IsRequired();
        builder.Property(e => e.Action).HasMaxLength(64).IsRequired();
        builder.Property(e => e.Subject).HasMaxLength(128).IsRequired();
        builder.Property(e => e.Detail).HasMaxLength(AuditEntry.MaxDetailLength);
        builder.HasIndex(e => e.At);
    }
}
