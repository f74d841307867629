using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GroupBuy.Conversations.Ops;

internal sealed class OpsAccountConfiguration : IEntityTypeConfiguration<OpsAccount>
{
    public void Configure(EntityTypeBuilder<OpsAccount> builder)
    {
        builder.ToTable("ops_accounts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.UserName).HasMaxLength(OpsAccount.MaxUserNameLength).IsRequired();
        builder.Property(a => a.DisplayName).HasMaxLength(64).IsRequired();
        builder.Property(a => a.Role).HasMaxLength(16).IsRequired();
        builder.Property(a => a.PasswordHash).HasMaxLength(500).IsRequired();
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.MayChange);
        builder.HasIndex(a => a.UserName).IsUnique();
    }
}
