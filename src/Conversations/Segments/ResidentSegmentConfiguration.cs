using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GroupBuy.Conversations.Segments;

internal sealed class ResidentSegmentConfiguration : IEntityTypeConfiguration<ResidentSegment>
{
    public void Configure(EntityTypeBuilder<ResidentSegment> builder)
    {
        builder.ToTable("resident_segments");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Segment).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(s => new { s.ResidentId, s.Day }).IsUnique();
        builder.HasIndex(s => s.Day);
        builder.HasOne<Residents.Resident>().WithMany().HasForeignKey(s => s.ResidentId).OnDelete(DeleteBehavior.Cascade);
    }
}
