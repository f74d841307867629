using GroupBuy.Conversations.Schedules;
using Xunit;

namespace GroupBuy.Conversations.Tests.Schedules;

public sealed class CronInChineseTests
{
    [Theory]
    // The forms ops use most: a weekly evening, working days, a day of the month.
    [InlineData("0 20 * * 4", "每周四 20:00")]
    [InlineData("30 9 * * 1-5", "周一至周五 09:30")]
    [InlineData("0 8 1 * *", "每月1日 08:00")]
    [InlineData("0 20 * * 3", "每周三 20:00")]
    [InlineData("0 20 * * *", "每天 20:00")]
    [InlineData("30 8 * * *", "每天 08:30")]
    [InlineData("0 9 ? * 2", "每周二 09:00")]
    // Minutes and hours: lists, ranges, steps.
    [InlineData("0 8,12,18 * * *", "每天 08:00、12:00、18:00")]
    [InlineData("0,30 9 * * *", "每天 09:00、09:30")]
    [InlineData("0 12,18 * * 1-5", "周一至周五 12:00、18:00")]
    [InlineData("*/5 * * * *", "每5分钟")]
    [InlineData("* * * * *", "每分钟")]
    [InlineData("0 * * * *", "每小时整点")]
    [InlineData("15 * * * *", "每小时的15分")]
    [InlineData("5,20,35,50 * * * *", "每小时的5分起每15分钟")]
    [InlineData("*/7 * * * *", "每小时的0分至56分每7分钟")]
    [InlineData("0 */2 * * *", "每天 00:00至22:00每2小时一次")]
    [InlineData("0 6-22/4 * * *", "每天 06:00至22:00每4小时一次")]
    [InlineData("0 9-18 * * 1-5", "周一至周五 09:00至18:00每小时一次")]
    [InlineData("*/15 9-17 * * *", "每天 09:00至17:45每15分钟")]
    [InlineData("*/10 8 * * *", "每天 08:00至08:50每10分钟")]
    [InlineData("0-30 9 * * *", "每天 09:00至09:30每分钟")]
    [InlineData("* 8,20 * * *", "每天 8点、20点这几个小时里每分钟")]
    [InlineData("10,40 8-20 * * *", "每天 8点至20点，每小时的10分、40分")]
    [InlineData("0 22-2 * * *", "每天 00:00、01:00、02:00、22:00、23:00")]
    // Days of the week: lists, ranges, names, Sunday as 0 or 7, a range round the weekend.
    [InlineData("0 20 * * 1,3,5", "每周一、周三、周五 20:00")]
    [InlineData("0 10 * * 6,0", "每周六、周日 10:00")]
    [InlineData("0 10 * * SAT,SUN", "每周六、周日 10:00")]
    [InlineData("0 20 * * MON-FRI", "周一至周五 20:00")]
    [InlineData("0 20 * * thu", "每周四 20:00")]
    [InlineData("0 20 * * 1-3,5", "每周一至周三、周五 20:00")]
    [InlineData("0 20 * * 7", "每周日 20:00")]
    [InlineData("0 20 * * 0-6", "每天 20:00")]
    [InlineData("0 20 * * 5-1", "每周一、周五至周日 20:00")]
    [InlineData("0 20 * * 5#3", "每月第三个周五 20:00")]
    [InlineData("0 20 * * FRI#1", "每月第一个周五 20:00")]
    [InlineData("0 20 * * 5L", "每月最后一个周五 20:00")]
    // Days of the month: lists, ranges, odd and even days, the last day, the nearest weekday.
    [InlineData("0 8 1,15 * *", "每月1日、15日 08:00")]
    [InlineData("0 8 1-10 * *", "每月1日至10日 08:00")]
    [InlineData("0 8 1-10,20 * *", "每月1日至10日、20日 08:00")]
    [InlineData("0 8 */2 * *", "每月单日 08:00")]
    [InlineData("0 8 2-30/2 * *", "每月双日 08:00")]
    [InlineData("0 8 1-31/7 * *", "每月1日、8日、15日、22日、29日 08:00")]
    [InlineData("0 8 1-28/3 * *", "每月1日至28日每3天 08:00")]
    [InlineData("0 8 L * *", "每月最后一天 08:00")]
    [InlineData("0 8 L-1 * *", "每月倒数第2天 08:00")]
    [InlineData("0 8 LW * *", "每月最后一个工作日 08:00")]
    [InlineData("0 8 15W * *", "每月离15日最近的工作日 08:00")]
    // Months.
    [InlineData("0 0 1 1 *", "每年1月1日 00:00")]
    [InlineData("0 0 29 2 *", "每年2月29日 00:00")]
    [InlineData("0 9 1 1,7 *", "每年1月、7月的1日 09:00")]
    [InlineData("0 9 L 12 *", "每年12月的最后一天 09:00")]
    [InlineData("0 8 * 6 *", "每年6月每天 08:00")]
    [InlineData("0 9 * 1-3,10-12 *", "每年1月至3月、10月至12月每天 09:00")]
    [InlineData("0 9 * 7-8 1-5", "每年7月、8月的周一至周五 09:00")]
    [InlineData("0 9 * 6-8 1-5", "每年6月至8月的周一至周五 09:00")]
    [InlineData("0 9 * JAN MON#1", "每年1月的第一个周一 09:00")]
    // Both day fields: Cronos wants both to hold, so the words say so.
    [InlineData("0 0 13 * 5", "每月13日（仅当这天是周五） 00:00")]
    [InlineData("0 9 1-7 * 1", "每月1日至7日中的周一 09:00")]
    [InlineData("0 9 L * 1-5", "每月最后一天（仅当这天是周一至周五） 09:00")]
    // Extra spaces are not part of the meaning.
    [InlineData("  0  20 * *   4 ", "每周四 20:00")]
    public void Describes_the_expression_in_plain_chinese(string cron, string expected)
    {
        Assert.NotNull(ScheduleCron.TryParse(cron, out var error));
        Assert.Equal(string.Empty, error);

        Assert.Equal(expected, CronInChinese.Describe(cron));
        Assert.Equal(expected, ScheduleCron.Parse(cron).InChinese);
    }

    [Fact]
    public void What_it_has_no_words_for_is_read_out_field_by_field()
    {
        Assert.Equal("按字面：分钟「H」，小时「20」，日期不限，月份不限，星期「3」", CronInChinese.Describe("H 20 * * 3"));
        Assert.Equal("按字面：分钟「0」，小时「20」，日期「5X」，月份不限，星期不限", CronInChinese.Describe("0 20 5X * *"));
    }

    [Fact]
    public void Something_that_is_not_five_fields_says_so()
    {
        Assert.Equal("「0 20 * *」不是五段式的 cron 表达式", CronInChinese.Describe("0 20 * *"));
    }

    [Theory]
    [InlineData("22-2/2")]
    [InlineData("*/5")]
    [InlineData("3-20/4")]
    [InlineData("5/7")]
    [InlineData("1,4-6,20-23")]
    [InlineData("23-1")]
    public void Reads_the_hours_of_a_field_as_cronos_runs_them(string hours)
    {
        var utc = TimeZoneInfo.Utc;
        var from = new DateTimeOffset(2036, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(-1);
        var ran = ScheduleCron.Parse($"0 {hours} * * *").Next(from, utc, 24).Where(r => r.Day == 1).Select(r => r.Hour).ToList();

        Assert.Equal(ran, CronFieldValues.Read(hours, 0, 23));
    }
}
