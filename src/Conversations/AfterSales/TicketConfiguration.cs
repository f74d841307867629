using GroupBuy.Conversations.Groups;
using GroupBuy.Conversations.Ordering;
using GroupBuy.Conversations.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GroupBuy.Conversations.AfterSales;

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> builder)
    {
        builder.ToTable("tickets", t => t.HasCheckConstraint("ck_tickets_rating", "rating IS NULL OR (rating >= 1 AND rating <= 5)"));
        builder.HasKey(t => t.Id);
        builder.Ignore(t => t.Number);
        builder.Ignore(t => t.Total);
        builder.Ignore(t => t.Resolution);
        builder.Property(t => t.Channel).HasMaxLength(16).IsRequired();
        builder.Property(t => t.ResidentUserId).HasMaxLength(128).IsRequired();
        builder.Property(t => t.ResidentName).HasMaxLength(64).IsRequired();
        builder.Property(t => t.ReplyChatId).HasMaxLength(128);
        builder.Property(t => t.Type).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.ResolutionKind).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Description).HasMaxLength(1000).IsRequired();
        builder.Property(t => t.DecidedBy).HasMaxLength(128);
        builder.Property(t => t.Version).IsConcurrencyToken();

        builder.HasOne<Resident>().WithMany().HasForeignKey(t => t.ResidentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Group>().WithMany().HasForeignKey(t => t.GroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Order>().WithMany().HasForeignKey(t => t.OrderId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(t => new { t.Status, t.Id });
        builder.HasIndex(t => t.ResidentId);
        builder.HasIndex(t => t.OrderId);

        builder.HasMany(t => t.Lines).WithOne().HasForeignKey(l => l.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Lines).HasField("lines").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(t => t.Events).WithOne().HasForeignKey(e => e.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Events).HasField("events").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
