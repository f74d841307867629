using System.Net;
using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Testing;
using Xunit;

namespace GroupBuy.BotHost.Tests.Admin;

public sealed class AdminAccessTests : IClassFixture<PostgresDatabase>
{
    private readonly PostgresDatabase database;

    public AdminAccessTests(PostgresDatabase database)
    {
        this.database = database;
    }

    private static Uri Url(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task The_admin_api_refuses_a_request_without_a_key()
    {
        await using var host = BotHostFactory.OnPostgres(database.ConnectionString);

        var response = await host.CreateAnonymousClient().GetAsync(Url("/api/groups"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Contains("Authorization: Bearer", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Longer, shorter, one character off, other case: all refused alike. The compare is of SHA-256
    /// hashes with CryptographicOperations.FixedTimeEquals (AdminApiKey), so neither the length nor
    /// a matching prefix shows in the time taken; tests do not time it.
    /// </summary>
    [Theory]
    [InlineData(BotHostFactory.AdminKey + "x")]
    [InlineData("test-admin-key")]
    [InlineData("test-admin-key-5d1d")]
    [InlineData("TEST-ADMIN-KEY-5D1C")]
    public async Task The_admin_api_refuses_a_wrong_key(string key)
    {
        await using var host = BotHostFactory.OnPostgres(database.ConnectionString);
        var client = host.CreateAnonymousClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer " + key);

        var response = await client.GetAsync(Url("/api/groups"));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_admin_api_refuses_other_authorization_schemes()
    {
        await using var host = BotHostFactory.OnPostgres(database.ConnectionString);
        var client = host.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new("Basic", BotHostFactory.AdminKey);

        var response = await client.GetAsync(Url("/api/groups"));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_admin_api_accepts_the_configured_key()
    {
        await using var host = BotHostFactory.OnPostgres(database.ConnectionString);

        var response = await host.CreateAdminClient().GetAsync(Url("/api/groups"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Without_a_configured_key_nobody_gets_in_and_the_answer_says_why()
    {
        await using var host = BotHostFactory.OnPostgres(database.ConnectionString, ("Admin:ApiKey", null));
        var client = host.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", string.Empty);

        var response = await client.GetAsync(Url("/api/groups"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("Admin:ApiKey", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_jobs_dashboard_sends_a_stranger_to_sign_in()
    {
        await using var host = BotHostFactory.OnPostgres(database.ConnectionString);

        var response = await host.CreateAnonymousClient().GetAsync(Url("/hangfire"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/console/account/login", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_jobs_dashboard_opens_for_the_admin_key()
    {
        await using var host = BotHostFactory.OnPostgres(database.ConnectionString);

        var response = await host.CreateAdminClient().GetAsync(Url("/hangfire"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("GroupBuy jobs", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_paths_answer_with_problem_details()
    {
        await using var host = BotHostFactory.OnPostgres(database.ConnectionString);

        var response = await host.CreateAdminClient().GetAsync(Url("/api/nothing-here"));

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
