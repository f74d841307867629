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
    public async Task A_newcomer_with_no_settings_signs_in_with_the_logged_password_and_finds_the_demo_community()
    {
        await using var host = BotHostProcess.Start(folder.Path);
        await host.WaitUntilHealthyAsync();

        var password = Regex.Match(host.Output, "one-time password ([A-Za-z0-9]{16})").Groups[1].Value;
        Assert.True(password.Length == 16, host.Output);
        Assert.Contains("demo community", host.Output, StringComparison.Ordinal);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = host.BaseAddress };
        var root = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal("/console", root.Headers.Location?.OriginalString);
        var console = await client.GetAsync(new Uri("/console", UriKind.Relative));
        Assert.StartsWith("/console/account/login", console.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/console/console.css", UriKind.Relative))).StatusCode);

        var session = new ConsoleSession(client);
        Assert.Equal(HttpStatusCode.Redirect, (await session.PostFormAsync("/console/account/login", new() { ["UserName"] = "admin", ["Password"] = password })).StatusCode);
        await session.PostFormAsync("/console/account/password", new() { ["Current"] = password, ["New"] = "newcomer-password", ["Repeat"] = "newcomer-password" });
        var simulator = await session.GetPageAsync("/console/simulator");
        Assert.Contains("阳光花园3栋团购群（演示）", simulator, StringComparison.Ordinal);

        // The demo campaign's preview leaves the outbox into the simulated group.
        var said = string.Empty;
        for (var i = 0; i < 300 && !said.Contains("【周末鲜果（演示）】开团啦", StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
            said = await client.GetStringAsync(new Uri("/console/simulator?handler=messages&chat=demo-1&after=0", UriKind.Relative));
        }

        Assert.Contains("【周末鲜果（演示）】开团啦", said, StringComparison.Ordinal);
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
