using GroupBuy.Conversations;
using GroupBuy.Conversations.Ordering.Llm;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace GroupBuy.BotHost.Tests.Ordering.Llm;

public sealed class LlmSettingsTests
{
    [Fact]
    public void Without_an_endpoint_the_fallback_is_off()
    {
        var settings = Read(new() { ["Llm:ApiKey"] = "sk-x", ["Llm:Model"] = "m" });

        Assert.False(settings.IsEnabled);
        Assert.Equal(TimeSpan.FromSeconds(8), settings.Timeout);
    }

    [Fact]
    public void An_endpoint_a_key_a_model_and_a_timeout_are_read()
    {
        var settings = Read(new()
        {
            ["Llm:Endpoint"] = " https://api.example.com/v1 ",
            ["Llm:ApiKey"] = "sk-abc",
            ["Llm:Model"] = "gpt-4o-mini",
            ["Llm:TimeoutSeconds"] = "3",
        });

        Assert.True(settings.IsEnabled);
        Assert.Equal(new Uri("https://api.example.com/v1"), settings.Endpoint);
        Assert.Equal("sk-abc", settings.ApiKey);
        Assert.Equal("gpt-4o-mini", settings.Model);
        Assert.Equal(TimeSpan.FromSeconds(3), settings.Timeout);
    }

    [Fact]
    public void The_key_is_optional_for_servers_that_take_none()
    {
        var settings = Read(new() { ["Llm:Endpoint"] = "http://127.0.0.1:11434/v1", ["Llm:Model"] = "qwen2.5" });

        Assert.True(settings.IsEnabled);
        Assert.Null(settings.ApiKey);
    }

    [Theory]
    [InlineData("api.example.com/v1")]
    [InlineData("ftp://api.example.com/v1")]
    [InlineData("/v1")]
    [InlineData("https://")]
    public void A_malformed_endpoint_is_refused_by_name(string endpoint)
    {
        var error = Assert.Throws<InvalidSettingException>(() => Read(new() { ["Llm:Endpoint"] = endpoint, ["Llm:Model"] = "m" }));

        Assert.StartsWith("Llm:Endpoint is ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_in_the_endpoint_are_refused_without_repeating_them()
    {
        var error = Assert.Throws<InvalidSettingException>(() => Read(new() { ["Llm:Endpoint"] = "https://user:pa55word@api.example.com/v1", ["Llm:Model"] = "m" }));

        Assert.Contains("Llm:Endpoint", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pa55word", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_endpoint_without_a_model_is_refused_by_name()
    {
        var error = Assert.Throws<InvalidSettingException>(() => Read(new() { ["Llm:Endpoint"] = "https://api.example.com/v1" }));

        Assert.StartsWith("Llm:Model", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("121")]
    [InlineData("soon")]
    public void A_wrong_timeout_is_refused_by_name(string seconds)
    {
        var error = Assert.Throws<InvalidSettingException>(() => Read(new() { ["Llm:TimeoutSeconds"] = seconds }));

        Assert.StartsWith($"Llm:TimeoutSeconds is '{seconds}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Printing_the_settings_does_not_print_the_key()
    {
        var settings = Read(new() { ["Llm:Endpoint"] = "https://api.example.com/v1", ["Llm:ApiKey"] = "sk-secret-123", ["Llm:Model"] = "m" });

        Assert.DoesNotContain("sk-secret-123", settings.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("sk-secret-123", $"{settings}", StringComparison.Ordinal);
    }

    private static LlmSettings Read(Dictionary<string, string?> values) =>
        LlmSettings.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
}
