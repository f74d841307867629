using System.Net;
using System.Text.RegularExpressions;
using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Testing;
using Npgsql;
using Xunit;

namespace GroupBuy.BotHost.Tests.Startup;

/// <summary>The service started the way the README says, as its own process.</summary>
public sealed class ProcessStartTests : IClassFixture<PostgresDatabase>, IDisposable
{
    private readonly PostgresDatabase database;
    private readonly TempFolder folder = new();

    public ProcessStartTests(PostgresDatabase database)
    {
        this.database = database;
    }

    [Fact]
    public async Task With_no_settings_it_starts_on_sqlite_creates_groupbuy_db_and_is_healthy()
    {
        await using var host = BotHostProcess.Start(folder.Path);

        var health = await host.WaitUntilHealthyAsync();

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("""{"status":"ok"}""", await health.Content.ReadAsStringAsync());
        Assert.True(File.Exists(folder.File("groupbuy.db")), host.Output);
        Assert.True(Regex.IsMatch(host.Output, @"Applied \d+ migration\(s\) to SQLite file"), host.Output);
        Assert.True(!host.Output.Contains("fail:", StringComparison.Ordinal), host.Output);
    }

    [Fact]
    public async Task On_an_empty_postgres_database_it_migrates_and_creates_the_hangfire_tables()
    {
        await using var host = BotHostProcess.Start(folder.Path, "--Storage:Provider=Postgres", $"--ConnectionStrings:GroupBuy={database.ConnectionString}");

        var health = await host.WaitUntilHealthyAsync();

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.True(Regex.IsMatch(host.Output, @"Applied \d+ migration\(s\) to PostgreSQL database"), host.Output);
        Assert.True(!host.Output.Contains("fail:", StringComparison.Ordinal), host.Output);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'hangfire' AND table_name IN ('job', 'state', 'server', 'set')", connection);
        Assert.Equal(4L, await command.ExecuteScalarAsync());
        Assert.False(File.Exists(folder.File("groupbuy.db")));
    }

    [Fact]
    public async Task An_unreachable_database_stops_the_start_with_the_setting_to_fix()
    {
        var closedPort = FreePort.Next();
        await using var host = BotHostProcess.Start(
            folder.Path,
            "--Storage:Provider=Postgres",
            $"--ConnectionStrings:GroupBuy=Host=127.0.0.1;Port={closedPort};Database=groupbuy;Username=gb;Password=s3cret-pw;Timeout=3");

        var exitCode = await host.WaitForExitAsync();

        Assert.Equal(1, exitCode);
        Assert.Contains("GroupBuy cannot start", host.Output, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings:GroupBuy", host.Output, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{closedPort}", host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", host.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Storage:Provider", "Oracle")]
    [InlineData("TimeZone", "Mars/Olympus")]
    [InlineData("Jobs:WorkerCount", "lots")]
    [InlineData("Jobs:PollInterval", "-00:00:01")]
    [InlineData("Llm:Endpoint", "api.example.com/v1")]
    [InlineData("Llm:TimeoutSeconds", "0")]
    [InlineData("Commission:Rates:生鲜", "0.2")]
    public async Task A_wrong_setting_stops_the_start_and_is_named(string key, string value)
    {
        await using var host = BotHostProcess.Start(folder.Path, $"--{key}={value}");

        var exitCode = await host.WaitForExitAsync();

        Assert.Equal(1, exitCode);
        Assert.Contains($"GroupBuy cannot start: {key} is '{value}'", host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", host.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("groupbuy.db")), "nothing is created when a setting is wrong");
    }

    public void Dispose() => folder.Dispose();
}
