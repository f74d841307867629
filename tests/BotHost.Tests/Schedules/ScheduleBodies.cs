namespace GroupBuy.BotHost.Tests.Schedules;

/// <summary>The schedule ops set up in these tests: 周四鲜果 every Wednesday 20:00, cut off Thursday 22:00, pickup Friday 17:00.</summary>
internal static class ScheduleBodies
{
    /// <summary>Wednesday 2 January 2036, mid-morning Beijing time: the tests' clock starts here.</summary>
    public static readonly DateTimeOffset WednesdayMorning = new(2036, 1, 2, 10, 0, 0, TimeSpan.FromHours(8));

    /// <summary>Half a minute after that Wednesday's 20:00 run, when Hangfire would start the job.</summary>
    public static readonly DateTimeOffset JustAfterTheRun = new(2036, 1, 2, 20, 0, 30, TimeSpan.FromHours(8));

    public static object Thursday(string cron = "0 20 * * 3", bool enabled = true, string[]? chatIds = null, string closesAfter = "1.02:00:00", string pickupAfter = "1.21:00:00") => new
    {
        name = "周四鲜果（每周三晚）",
        cron,
        enabled,
        title = "周四鲜果",
        chatIds = chatIds ?? ["room-1", "room-2"],
        closesAfter,
        pickupAfter,
        pickupPoint = "3栋大堂快递柜旁",
        items = new object[]
        {
            new { name = "红富士苹果", aliases = new[] { "苹果" }, price = 12.8m, referencePrice = 15.8m, category = "生鲜", stock = 100 },
            new { name = "香蕉", aliases = Array.Empty<string>(), price = 6m, referencePrice = 7m, category = "生鲜", stock = (int?)null },
        },
    };
}
