using GroupBuy.Testing;
using Xunit;

namespace GroupBuy.BotHost.Tests.Bridges;

/// <summary>
/// The Wechaty bridge's own tests (<c>npm test</c> in bridges/wechaty: a mocked WeChat room against
/// this build of the host, as its own process), run here so the one test command runs them too.
/// <c>bash .ci/run</c> installs the bridge's packages (<c>npm ci</c>) before the run; without them
/// this test installs them first.
/// </summary>
public sealed class WechatyBridgeTests
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Root, "bridges", "wechaty");

    [Fact]
    public async Task The_bridge_passes_its_tests_against_this_host()
    {
        if (!Directory.Exists(Path.Combine(Folder, "node_modules")))
        {
            var installed = await ProcessRunner.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], TimeSpan.FromMinutes(15), Folder);
            Assert.True(installed.ExitCode == 0, $"npm ci failed ({installed.ExitCode}):\n{installed.Output}");
        }

        var tested = await ProcessRunner.RunAsync(
            "npm",
            ["test"],
            TimeSpan.FromMinutes(5),
            Folder,
            new Dictionary<string, string> { ["GROUPBUY_HOST_DLL"] = Path.Combine(AppContext.BaseDirectory, "GroupBuy.BotHost.dll") });

        Assert.True(tested.ExitCode == 0, $"npm test failed ({tested.ExitCode}):\n{tested.Output}");
        // node --test reports in TAP when its output is not a terminal: something ran, nothing failed.
        Assert.Matches(@"# pass [1-9]", tested.Output);
        Assert.Contains("# fail 0", tested.Output, StringComparison.Ordinal);
    }
}
