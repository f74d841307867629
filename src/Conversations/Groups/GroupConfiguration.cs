using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GroupBuy.Conversations.Groups;

internal sealed class GroupConfiguration : IEntityTypeConfiguration<Group>
{
    public void Configure(EntityTypeBuilder<Group> builder)
    {
        builder.ToTable("groups");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Channel).HasMaxLength(16).IsRequired();
        builder.Property(g => g.ChatId).HasMaxLength(128).IsRequired();
        builder.Property(g => g.Name).HasMaxLength(128).IsRequired();
        builder.Property(g => g.Community).HasMaxLength(128).IsRequired();
        builder.Property(g => g.LeaderId).HasMaxLength(128).IsRequired();
        builder.Property(g => g.LeaderName).HasMaxLength(64).IsRequired();
        builder.Property(g => g.WeComRoute).HasConversion<string>().HasMaxLength(16);
        builder.Property(g => g.WeComRobotKey).HasMaxLength(100);
        builder.HasIndex(g => new { g.Channel, g.ChatId }).IsUnique();
        builder.HasIndex(g => g.LeaderId);
    }
}
