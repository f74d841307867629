using System.Globalization;
using System.Text;
using CsvHelper;

namespace GroupBuy.Conversations.Commission;

/// <summary>
/// A leader's statement as a spreadsheet for whoever pays it out: one row per category and per
/// group, the total, and how the month stands (its sales so far and the tier bonus reached). Every
/// row repeats the period and the leader, so statements of several leaders can be pasted together.
/// RFC 4180: comma separated, CRLF line ends, fields quoted where they need it.
/// </summary>
public static class LeaderStatementCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly string[] Header = ["结算期", "团长", "渠道", "团长ID", "类别", "名称", "社区", "销售额", "佣金比例", "佣金"];

    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        // Excel reads a CSV without a byte order mark in the machine's ANSI code page (GBK on Chinese Windows).
        WriteByteOrderMark = true,

        // Group and leader names are typed by people: "=HYPERLINK(...)" must stay text in Excel.
        Injection = CsvInjection.Escape,
    };

    public static async Task WriteAsync(LeaderStatement statement, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statement);
        await using var csv = CsvWriter.Create(destination, Options, leaveOpen: true);
        csv.WriteHeader(Header);
        ValueTask RowAsync(string kind, string name, string community, decimal? sales, decimal? rate, decimal? commission) => csv.WriteRecordAsync(
            [
                statement.Week,
                statement.LeaderName,
                statement.Channel,
                statement.LeaderId,
                kind,
                name,
                community,
                Money(sales),
                rate is { } r ? (r * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%" : string.Empty,
                Money(commission),
            ],
            cancellationToken);

        foreach (var category in statement.Categories)
        {
            await RowAsync("品类", category.Category, string.Empty, category.Sales, category.Rate, category.Commission);
        }

        foreach (var group in statement.Groups)
        {
            await RowAsync("群", group.Name, group.Community, group.Sales, null, group.Commission);
        }

        await RowAsync("合计", string.Empty, string.Empty, statement.TotalSales, null, statement.TotalCommission);
        var month = statement.MonthToDate;
        await RowAsync("月累计", month.Month, string.Empty, month.Sales, null, month.Commission);
        await RowAsync("月度档位奖励", month.Month, string.Empty, null, null, month.Tier.Bonus);
        await csv.FlushAsync(cancellationToken);
    }

    /// <summary>"statement-u-li-2026-W48.csv": the leader id kept to the characters every file system takes.</summary>
    public static string FileName(LeaderStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var leader = new StringBuilder(statement.LeaderId.Length);
        foreach (var c in statement.LeaderId)
        {
            leader.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        }

        return $"statement-{leader}-{statement.Week}.csv";
    }

    private static string Money(decimal? yuan) => yuan?.ToString("0.00", CultureInfo.InvariantCulture) ?? string.Empty;
}
