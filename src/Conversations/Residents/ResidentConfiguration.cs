using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GroupBuy.Conversations.Residents;

internal sealed class ResidentConfiguration : IEntityTypeConfiguration<Resident>
{
    public void Configure(EntityTypeBuilder<Resident> builder)
    {
        builder.ToTable("residents");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Channel).HasMaxLength(16).IsRequired();
        builder.Property(r => r.UserId).HasMaxLength(128).IsRequired();
        builder.Property(r => r.DisplayName).HasMaxLength(64).IsRequired();
        builder.HasIndex(r => new { r.Channel, r.UserId }).IsUnique();
    }
}
