using GroupBuy.Conversations.AfterSales;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace GroupBuy.Conversations.Tests.AfterSales;

/// <summary>The ops chat and the follow-up timing, read from configuration.</summary>
public sealed class AfterSalesSettingsTests
{
    [Fact]
    public void Defaults_have_no_ops_chat_and_follow_up_after_two_hours_for_three_days()
    {
        var settings = Read();

        Assert.Equal(new AfterSalesSettings(null, null, TimeSpan.FromHours(2), TimeSpan.FromDays(3)), settings);
        Assert.False(settings.HasOpsChat);
        Assert.False(settings.IsOpsChat("wecom", null));
    }

    [Fact]
    public void An_ops_chat_is_its_channel_and_chat_id()
    {
        var settings = Read((AfterSalesSettings.OpsChannelKey, " wecom "), (AfterSalesSettings.OpsChatIdKey, " ops-room "));

        Assert.True(settings.HasOpsChat);
        Assert.Equal("wecom", settings.OpsChannel);
        Assert.Equal("ops-room", settings.OpsChatId);
        Assert.True(settings.IsOpsChat("wecom", "ops-room"));
        Assert.False(settings.IsOpsChat("gateway", "ops-room"));
        Assert.False(settings.IsOpsChat("wecom", "group-3"));
        Assert.False(settings.IsOpsChat("wecom", null));
    }

    [Fact]
    public void A_channel_without_a_chat_id_is_a_setting_mistake_said_at_start_up()
    {
        var ex = Assert.Throws<InvalidSettingException>(() => Read((AfterSalesSettings.OpsChannelKey, "gateway")));

        Assert.Equal($"{AfterSalesSettings.OpsChannelKey} is set but {AfterSalesSettings.OpsChatIdKey} is not; give the ops chat's id, or unset both.", ex.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    [InlineData("dingtalk")]
    [InlineData("WeCom")]
    public void A_chat_id_needs_a_known_channel(string? channel)
    {
        var ex = Assert.Throws<InvalidSettingException>(() => Read((AfterSalesSettings.OpsChannelKey, channel), (AfterSalesSettings.OpsChatIdKey, "ops-room")));

        Assert.StartsWith($"{AfterSalesSettings.OpsChannelKey} is '{channel}'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("72", 72)]
    [InlineData(" 4 ", 4)]
    public void The_follow_up_delay_is_0_to_72_hours(string value, int hours)
    {
        Assert.Equal(TimeSpan.FromHours(hours), Read((AfterSalesSettings.FollowUpDelayHoursKey, value)).FollowUpDelay);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("14", 14)]
    public void The_follow_up_answer_window_is_1_to_14_days(string value, int days)
    {
        Assert.Equal(TimeSpan.FromDays(days), Read((AfterSalesSettings.FollowUpAnswerDaysKey, value)).FollowUpAnswerWindow);
    }

    [Theory]
    [InlineData(AfterSalesSettings.FollowUpDelayHoursKey, "-1")]
    [InlineData(AfterSalesSettings.FollowUpDelayHoursKey, "73")]
    [InlineData(AfterSalesSettings.FollowUpDelayHoursKey, "2.5")]
    [InlineData(AfterSalesSettings.FollowUpDelayHoursKey, "two")]
    [InlineData(AfterSalesSettings.FollowUpAnswerDaysKey, "0")]
    [InlineData(AfterSalesSettings.FollowUpAnswerDaysKey, "15")]
    public void Values_out_of_bounds_name_the_key(string key, string value)
    {
        var ex = Assert.Throws<InvalidSettingException>(() => Read((key, value)));

        Assert.StartsWith($"{key} is '{value}'", ex.Message, StringComparison.Ordinal);
    }

    private static AfterSalesSettings Read(params (string Key, string? Value)[] values) =>
        AfterSalesSettings.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build());
}
