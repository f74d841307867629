using System.Globalization;
using CsvHelper;

namespace GroupBuy.Conversations.PickLists;

/// <summary>
/// The pick list as a spreadsheet: one row per order line, each row carrying its community,
/// leader, parcel label and resident, so the warehouse can sort and filter it in Excel as it likes.
/// RFC 4180: comma separated, CRLF line ends, fields quoted where they need it.
/// </summary>
public static class PickListCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    // Column names in Chinese: the people who open this file pack goods, they do not read code.
    private static readonly string[] Header = ["社区", "团长", "包裹标签", "群", "居民", "取件码", "商品编号", "商品", "数量"];

    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        // Excel opens a CSV without a byte order mark in the machine's ANSI code page (GBK on Chinese
        // Windows), which turns UTF-8 Chinese into mojibake; the BOM is how it knows the file is UTF-8.
        WriteByteOrderMark = true,

        // Resident names are chosen by residents: "=HYPERLINK(...)" must stay text in Excel, not run.
        Injection = CsvInjection.Escape,
    };

    public static async Task WriteAsync(PickList list, Stream destination, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(destination, Options, leaveOpen: true);
        csv.WriteHeader(Header);
        foreach (var community in list.Communities)
        {
            foreach (var parcel in community.Leaders)
            {
                foreach (var order in parcel.Orders)
                {
                    foreach (var line in order.Lines)
                    {
                        await csv.WriteRecordAsync(
                            [
                                community.Name,
                                parcel.LeaderName,
                                parcel.Label,
                                parcel.GroupName,
                                order.ResidentName,
                                order.PickupCode ?? string.Empty,
                                line.ItemNo.ToString(CultureInfo.InvariantCulture),
                                line.Name,
                                line.Quantity.ToString(CultureInfo.InvariantCulture),
                            ],
                            cancellationToken);
                    }
                }
            }
        }

        await csv.FlushAsync(cancellationToken);
    }

    /// <summary>"picklist-12.csv", or "picklist-12-provisional.csv" while orders can still change, so a printed forecast is not packed from by mistake.</summary>
    public static string FileName(PickList list) =>
        string.Create(CultureInfo.InvariantCulture, $"picklist-{list.CampaignId}{(list.Final ? string.Empty : "-provisional")}.csv");
}
