using System.Globalization;
using GroupBuy.BotHost.Campaigns;
using GroupBuy.BotHost.Http;
using GroupBuy.Conversations.Schedules;
using GroupBuy.Conversations.Storage;
using GroupBuy.Conversations.Time;

namespace GroupBuy.BotHost.Schedules;

/// <summary>
/// The rules a schedule's body must pass, field by field, for <c>POST</c>/<c>PUT /api/schedules</c>
/// and the console's form alike: errors named as the API names the fields, said in English for the
/// API and in Chinese for the console; items and chats by the rules of <see cref="CampaignChecks"/>.
/// </summary>
internal static class ScheduleChecks
{
    // Guards against typos ("26.00:00:00" for 26 hours), not a business rule.
    public static readonly TimeSpan MaxClosesAfter = TimeSpan.FromDays(30);
    public static readonly TimeSpan MaxPickupAfter = TimeSpan.FromDays(60);

    private const string CronExampleInChinese = "如 0 20 * * 3 表示每周三 20:00。";

    /// <summary>Null (and <paramref name="errors"/> filled) when anything is wrong.</summary>
    public static async Task<ValidSchedule?> CheckAsync(ScheduleRequest input, GroupBuyDbContext db, DateTimeOffset now, BusinessTimeZone zone, FieldErrors errors, CancellationToken cancellationToken)
    {
        var name = errors.RequiredText("name", input.Name, 100);
        var cron = ReadCron(input.Cron, now, zone, errors);
        var title = errors.RequiredText("title", input.Title, 200);
        var pickupPoint = errors.RequiredText("pickupPoint", input.PickupPoint, 200);
        var closesAfter = ReadOffset("closesAfter", input.ClosesAfter, MaxClosesAfter, errors);
        var pickupAfter = ReadOffset("pickupAfter", input.PickupAfter, MaxPickupAfter, errors);
        if (closesAfter is { } cut && pickupAfter is { } pickup && pickup < cut)
        {
            errors.Add("pickupAfter", "must not be shorter than closesAfter: pickup comes after the cut-off.", "取货不能早于截单：取货时间要在截单之后。");
        }

        var groups = await CampaignChecks.ReadChatsAsync(db, input.ChatIds, errors, cancellationToken);
        var warnings = new List<string>();
        CampaignChecks.ReadItems(input.Items, errors, warnings);
        if (errors.Any)
        {
            return null;
        }

        var items = input.Items!.Select(i => new ScheduleItemTemplate(
            i.Name!.Trim(), i.Aliases ?? [], i.Price!.Value, i.ReferencePrice!.Value, i.Category!.Trim(), i.Stock, i.AllowUnsuitable)).ToList();
        return new ValidSchedule(name, cron!, input.Enabled ?? true, title, groups, closesAfter!.Value, pickupAfter!.Value, pickupPoint, items, warnings);
    }

    /// <summary>The cron as Cronos reads it, and one that still comes round; an error on <c>cron</c> otherwise. The console's preview asks it too.</summary>
    public static ScheduleCron? ReadCron(string? text, DateTimeOffset now, BusinessTimeZone zone, FieldErrors errors)
    {
        var cron = ScheduleCron.TryParse(text, out var why);
        if (cron is null)
        {
            var fields = (text ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            errors.Add("cron", why, fields switch
            {
                0 => "必填：五段，依次是分、时、日、月、星期，" + CronExampleInChinese,
                5 => "有一段写得不对或超出范围（分 0–59，时 0–23，日 1–31，月 1–12，星期 0–7），" + CronExampleInChinese,
                _ => $"要五段（分 时 日 月 星期），现在是 {fields} 段；" + CronExampleInChinese,
            });
            return null;
        }

        if (cron.Next(now, zone.Zone, 1).Count == 0)
        {
            errors.Add("cron", $"'{cron.Text}' never comes round again, so the schedule would never run.", $"“{cron.Text}”以后再也不会到（比如 2 月 30 日），这个排期永远不会运行。");
            return null;
        }

        return cron;
    }

    /// <summary>An offset from the run as .NET's constant TimeSpan format: <c>[d.]hh:mm[:ss]</c>, "1.02:00:00" for 26 hours.</summary>
    private static TimeSpan? ReadOffset(string field, string? text, TimeSpan max, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(field, "is required: a time span after the run, days.hours:minutes:seconds, such as \"1.02:00:00\" for 26 hours.", "必填：运行后多久。");
            return null;
        }

        if (!TimeSpan.TryParseExact(text.Trim(), "c", CultureInfo.InvariantCulture, out var offset))
        {
            errors.Add(field, $"'{text}' is not a time span; use days.hours:minutes:seconds, such as \"1.02:00:00\" for 26 hours.", "时长格式不对。");
            return null;
        }

        if (offset <= TimeSpan.Zero || offset > max)
        {
            errors.Add(field, $"must be more than 0 and at most {max.TotalDays:0} days after the run.", $"要在运行后 0 到 {max.TotalDays:0} 天之间（不能是 0）。");
            return null;
        }

        return offset;
    }
}
