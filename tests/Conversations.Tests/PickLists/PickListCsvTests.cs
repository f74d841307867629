using System.Text;
using GroupBuy.Conversations.PickLists;
using Xunit;

namespace GroupBuy.Conversations.Tests.PickLists;

public sealed class PickListCsvTests
{
    private static PickList ListWith(string residentName, string? pickupCode, bool final = true)
    {
        ItemQuantity[] lines = [new(1, "红富士苹果", 2)];
        var parcel = new LeaderParcel("李姐", "阳光花园", "阳光花园3栋团购群", "room-1", true, 1, LeaderParcel.LabelFor("李姐", "阳光花园", 1), lines, [new PickedOrder(residentName, pickupCode, lines)]);
        var now = new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.FromHours(8));
        return new PickList(12, "周四鲜果", final, now, now, "3栋大堂", 1, lines, [new CommunityPicks("阳光花园", 1, lines, [parcel])]);
    }

    private static async Task<string> WriteAsync(PickList list)
    {
        using var stream = new MemoryStream();
        await PickListCsv.WriteAsync(list, stream, CancellationToken.None);
        var bytes = stream.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
    }

    [Fact]
    public async Task Rows_end_with_crlf_and_fields_with_commas_or_quotes_are_quoted()
    {
        var csv = await WriteAsync(ListWith("王,\"阿姨\"", "1001"));

        Assert.Equal(
            "社区,团长,包裹标签,群,居民,取件码,商品编号,商品,数量\r\n" +
            "阳光花园,李姐,李姐｜阳光花园｜1单,阳光花园3栋团购群,\"王,\"\"阿姨\"\"\",1001,1,红富士苹果,2\r\n",
            csv);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")")]
    [InlineData("+1大妈")]
    [InlineData("@所有人")]
    [InlineData("-小王")]
    public async Task A_name_that_looks_like_a_formula_stays_text_in_excel(string name)
    {
        var csv = await WriteAsync(ListWith(name, null));

        var field = csv.Split("\r\n")[1].Split(",阳光花园3栋团购群,")[1];
        Assert.StartsWith("'", field.TrimStart('"'), StringComparison.Ordinal);
    }

    [Fact]
    public void A_provisional_list_says_so_in_its_file_name()
    {
        Assert.Equal("picklist-12.csv", PickListCsv.FileName(ListWith("王阿姨", "1001")));
        Assert.Equal("picklist-12-provisional.csv", PickListCsv.FileName(ListWith("王阿姨", null, final: false)));
    }
}
