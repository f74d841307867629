using GroupBuy.Conversations.Storage;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace GroupBuy.Conversations.Tests.Storage;

public sealed class StorageSettingsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Defaults_to_the_embedded_sqlite_file()
    {
        var settings = StorageSettings.FromConfiguration(Config());

        Assert.Equal(StorageProvider.Sqlite, settings.Provider);
        Assert.Equal("Data Source=groupbuy.db", settings.ConnectionString);
        Assert.EndsWith("groupbuy.db", settings.SqliteFilePath, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("Postgres")]
    [InlineData(" POSTGRES ")]
    public void Provider_names_are_case_insensitive(string provider)
    {
        var settings = StorageSettings.FromConfiguration(Config(("Storage:Provider", provider), ("ConnectionStrings:GroupBuy", "Host=db;Database=g")));

        Assert.Equal(StorageProvider.Postgres, settings.Provider);
    }

    [Fact]
    public void An_unknown_provider_names_the_setting()
    {
        var ex = Assert.Throws<InvalidSettingException>(() => StorageSettings.FromConfiguration(Config(("Storage:Provider", "Oracle"))));

        Assert.Contains("Storage:Provider", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Oracle", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Postgres_without_a_connection_string_names_the_setting()
    {
        var ex = Assert.Throws<InvalidSettingException>(() => StorageSettings.FromConfiguration(Config(("Storage:Provider", "Postgres"))));

        Assert.Contains("ConnectionStrings:GroupBuy", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_connection_string_is_refused_without_echoing_the_password()
    {
        var ex = Assert.Throws<InvalidSettingException>(() => StorageSettings.FromConfiguration(Config(
            ("Storage:Provider", "Postgres"), ("ConnectionStrings:GroupBuy", "Host=db;Password=hunter2;Colour=blue"))));

        Assert.Contains("ConnectionStrings:GroupBuy", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_never_shows_the_password()
    {
        var settings = StorageSettings.FromConfiguration(Config(
            ("Storage:Provider", "Postgres"), ("ConnectionStrings:GroupBuy", "Host=db.internal;Port=5433;Database=groupbuy;Username=gb;Password=hunter2")));

        Assert.Equal("PostgreSQL database 'groupbuy' on db.internal:5433", settings.Describe());
    }

    [Fact]
    public void The_data_context_prepares_repeated_statements_unless_the_connection_string_says_otherwise()
    {
        var plain = StorageSettings.FromConfiguration(Config(("Storage:Provider", "Postgres"), ("ConnectionStrings:GroupBuy", "Host=db;Database=g;Password=hunter2")));
        var prepared = new Npgsql.NpgsqlConnectionStringBuilder(plain.PostgresDataConnectionString());
        Assert.Equal(128, prepared.MaxAutoPrepare);
        Assert.Equal(2, prepared.AutoPrepareMinUsages);
        Assert.Equal("hunter2", prepared.Password);

        foreach (var written in new[] { "Max Auto Prepare=0", "MaxAutoPrepare=0", "max auto prepare = 0" })
        {
            var off = StorageSettings.FromConfiguration(Config(("Storage:Provider", "Postgres"), ("ConnectionStrings:GroupBuy", $"Host=db;Database=g;{written}")));
            Assert.Equal(0, new Npgsql.NpgsqlConnectionStringBuilder(off.PostgresDataConnectionString()).MaxAutoPrepare);
        }
    }

    [Theory]
    [InlineData("CampaignId", "campaign_id")]
    [InlineData("ItemNo", "item_no")]
    [InlineData("Id", "id")]
    [InlineData("SentAt", "sent_at")]
    [InlineData("URLPath", "url_path")]
    [InlineData("PK_Groups", "pk_groups")]
    public void Names_become_snake_case(string name, string expected)
    {
        Assert.Equal(expected, GroupBuyDbContext.ToSnakeCase(name));
    }
}
