using GroupBuy.BotHost.Channels.WeCom.Api;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace GroupBuy.BotHost.Tests.Channels.WeCom.Api;

public sealed class WeComOptionsTests
{
    private static WeComOptions Bind(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddWeComApi();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<WeComOptions>>().Value;
    }

    [Fact]
    public void The_WeCom_section_binds_and_counts_as_configured()
    {
        var options = Bind(new()
        {
            ["WeCom:CorpId"] = "ww1",
            ["WeCom:Token"] = "t",
            ["WeCom:EncodingAesKey"] = "k",
            ["WeCom:AgentId"] = "1000002",
            ["WeCom:Secret"] = "s",
        });

        Assert.True(options.IsConfigured);
        Assert.Equal(1000002, options.AgentId);
        Assert.Equal(new Uri("https://qyapi.weixin.qq.com/"), options.ApiBaseUri);
    }

    [Fact]
    public void Missing_settings_are_named()
    {
        var options = Bind(new() { ["WeCom:CorpId"] = "ww1", ["WeCom:Secret"] = " ", ["WeCom:ApiBaseUrl"] = "http://127.0.0.1:9000" });

        Assert.False(options.IsConfigured);
        Assert.Equal(["WeCom:Token", "WeCom:EncodingAesKey", "WeCom:AgentId", "WeCom:Secret"], options.MissingKeys());
        Assert.Equal(new Uri("http://127.0.0.1:9000/"), options.ApiBaseUri);
    }
}
