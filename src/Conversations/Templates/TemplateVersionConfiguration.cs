using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GroupBuy.Conversations.Templates;

internal sealed class TemplateVersionConfiguration : IEntityTypeConfiguration<TemplateVersion>
{
    public void Configure(EntityTypeBuilder<TemplateVersion> builder)
    {
        builder.ToTable("template_versions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Name).HasMaxLength(64).IsRequired();
        builder.Property(v => v.Text).HasMaxLength(20_000);
        builder.Property(v => v.Author).HasMaxLength(64).IsRequired();
        builder.Property(v => v.Note).HasMaxLength(TemplateVersion.MaxNoteLength);
        builder.Ignore(v => v.IsDefault);
        builder.HasIndex(v => new { v.Name, v.Number }).IsUnique();
    }
}
