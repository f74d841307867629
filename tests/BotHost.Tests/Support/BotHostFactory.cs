using GroupBuy.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;

namespace GroupBuy.BotHost.Tests.Support;

/// <summary>The real host, in-process, on the storage a test class chose.</summary>
public sealed class BotHostFactory : WebApplicationFactory<Program>
{
    public const string AdminKey = "test-admin-key-5d1c";

    private readonly Dictionary<string, string?> settings;
    private readonly List<Action<IServiceCollection>> serviceChanges = [];

    private BotHostFactory(Dictionary<string, string?> settings)
    {
        this.settings = settings;
    }

    /// <summary>Replaces services before the host starts (a fake clock, say).</summary>
    public BotHostFactory WithServices(Action<IServiceCollection> change)
    {
        serviceChanges.Add(change);
        return this;
    }

    public static BotHostFactory OnPostgres(string connectionString, params (string Key, string? Value)[] overrides) =>
        Create(("Storage:Provider", "Postgres"), ("ConnectionStrings:GroupBuy", connectionString), overrides);

    public static BotHostFactory OnSqlite(TempFolder folder, params (string Key, string? Value)[] overrides) =>
        Create(("Storage:Provider", "Sqlite"), ("ConnectionStrings:GroupBuy", $"Data Source={folder.File("groupbuy.db")}"), overrides);

    /// <summary>
    /// Starts the host on Kestrel at a free loopback port, for a real browser; the address it
    /// listens on. Call before anything else touches the host.
    /// </summary>
    private Uri? kestrelAddress;

    public Uri StartOnKestrel()
    {
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features
            .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses;
        kestrelAddress = new Uri(addresses.First());
        return kestrelAddress;
    }

    /// <summary>A client that sends the admin bearer key.</summary>
    public HttpClient CreateAdminClient()
    {
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AdminKey);
        return client;
    }

    /// <summary>A client without credentials; on Kestrel it goes over the real socket.</summary>
    public HttpClient CreateAnonymousClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = kestrelAddress ?? new Uri("http://localhost") });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(settings));
        builder.ConfigureTestServices(services =>
        {
            foreach (var change in serviceChanges)
            {
                change(services);
            }
        });
    }

    private static BotHostFactory Create((string, string?) provider, (string, string?) connection, (string Key, string? Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            [provider.Item1] = provider.Item2,
            [connection.Item1] = connection.Item2,
            ["Admin:ApiKey"] = AdminKey,
            // One loop per queue and one job worker: every loop holds a PostgreSQL connection, and a
            // new backend for each, in each of the run's hundreds of short-lived hosts, cost more
            // CPU than anything the tests do. Tests about parallel work set their own counts.
            ["Jobs:WorkerCount"] = "1",
            ["Inbox:Workers"] = "1",
            ["Outbox:Workers"] = "1",
            ["Jobs:PollInterval"] = "00:00:01",
            ["Inbox:PollMilliseconds"] = "200",
            ["Outbox:PollMilliseconds"] = "100",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:Console:FormatterName"] = "simple",
            // Tests make the groups and campaigns they need; the newcomer's demo would be in the way.
            ["Simulator:DemoOnFirstStart"] = "false",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return new BotHostFactory(settings);
    }
}
