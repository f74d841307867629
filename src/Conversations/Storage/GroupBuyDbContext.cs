using System.Text;
using GroupBuy.Conversations.AfterSales;
using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Groups;
using GroupBuy.Conversations.Inbox;
using GroupBuy.Conversations.Ops;
using GroupBuy.Conversations.Ordering;
using GroupBuy.Conversations.Outbox;
using GroupBuy.Conversations.Residents;
using GroupBuy.Conversations.Schedules;
using GroupBuy.Conversations.Simulator;
using GroupBuy.Conversations.Templates;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.Conversations.Storage;

/// <summary>
/// The one unit of work for the domain. Use cases use it directly (no repositories); a handler
/// changes aggregates and adds outbox rows, then saves once. Each provider has a subclass that
/// owns its migrations; everything else asks for this type.
/// </summary>
public abstract class GroupBuyDbContext : DbContext
{
    protected GroupBuyDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Group> Groups => Set<Group>();

    public DbSet<Campaign> Campaigns => Set<Campaign>();

    public DbSet<CampaignItem> CampaignItems => Set<CampaignItem>();

    public DbSet<Resident> Residents => Set<Resident>();

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<InboundMessage> InboundMessages => Set<InboundMessage>();

    public DbSet<OutboundMessage> OutboundMessages => Set<OutboundMessage>();

    public DbSet<Schedule> Schedules => Set<Schedule>();

    public DbSet<ScheduleRun> ScheduleRuns => Set<ScheduleRun>();

    public DbSet<IntakeDialog> IntakeDialogs => Set<IntakeDialog>();

    public DbSet<Ticket> Tickets => Set<Ticket>();

    public DbSet<TemplateVersion> TemplateVersions => Set<TemplateVersion>();

    public DbSet<OpsAccount> OpsAccounts => Set<OpsAccount>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<SimulatorMessage> SimulatorMessages => Set<SimulatorMessage>();

    public abstract StorageProvider Provider { get; }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GroupBuyDbContext).Assembly, t => t.Namespace?.StartsWith("GroupBuy.Conversations", StringComparison.Ordinal) == true);
        UseSnakeCaseNames(modelBuilder);
        CompareListsByElements(modelBuilder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Money is yuan with fen; kept exact, rounded only where a statement says so.
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
    }

    private static void CompareListsByElements(ModelBuilder modelBuilder)
    {
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            if (property.ClrType == typeof(List<string>))
            {
                property.SetValueComparer(new ListComparer<string>());
            }
            else if (property.ClrType == typeof(List<long>))
            {
                property.SetValueComparer(new ListComparer<long>());
            }
        }
    }

    private static void UseSnakeCaseNames(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(ToSnakeCase(property.Name));
            }

            foreach (var key in entity.GetKeys())
            {
                key.SetName(ToSnakeCase(key.GetDefaultName() ?? key.GetName() ?? "pk"));
            }

            foreach (var foreignKey in entity.GetForeignKeys())
            {
                foreignKey.SetConstraintName(ToSnakeCase(foreignKey.GetDefaultName() ?? "fk"));
            }

            foreach (var index in entity.GetIndexes())
            {
                index.SetDatabaseName(ToSnakeCase(index.GetDefaultDatabaseName() ?? "ix"));
            }
        }
    }

    internal static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previousIsLower = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (i > 0 && name[i - 1] != '_' && (previousIsLower || (nextIsLower && char.IsUpper(name[i - 1]))))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.Version++;
            }
        }
    }
}
