using GroupBuy.BotHost.Tests.AfterSales;
using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Conversations.AfterSales;
using GroupBuy.Testing;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace GroupBuy.BotHost.Tests.Console;

/// <summary>
/// Three tickets taken in through the chat, as the after-sales tests take them, on one database
/// for the ticket page tests: 王阿姨's rotten apples with a photo and words that look like HTML
/// (T1001), 张叔's bananas ten minutes later (T1002), 小刘's apples five minutes after that
/// (T1003, the one the tests settle), whose chat name carries a phone number. The fake clock
/// then stands 25 minutes after the first report, so its first answer is due in 35 minutes.
/// </summary>
public sealed class TicketPagesWorld : IAsyncLifetime
{
    public const string Wang = "u-wang";
    public const string Zhang = "u-zhang";
    public const string Liu = "u-liu";
    public const string LiuName = "小刘13812345678";
    public const string WangWords = "<script>alert('x')</script>两个都烂了";

    private readonly PostgresDatabase database = MigratedDatabase.Create();

    public AfterSalesWorld World { get; private set; } = null!;

    public long CampaignId { get; private set; }

    public Ticket WangTicket { get; private set; } = null!;

    public Ticket ZhangTicket { get; private set; } = null!;

    public Ticket LiuTicket { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        World = await AfterSalesWorld.StartAsync(database);
        CampaignId = await World.PublishAsync();
        await World.SayAsync(Wang, "王阿姨", "苹果+2");
        await World.SayAsync(Zhang, "张叔", "香蕉+1");
        await World.SayAsync(Liu, LiuName, "苹果+1");
        await World.CutOffAndArriveAsync();
        foreach (var (id, name) in new[] { (Wang, "王阿姨"), (Zhang, "张叔"), (Liu, LiuName) })
        {
            await World.SayAsync(AfterSalesWorld.LeaderId, "李姐", $"已取 @{name}", mentions: [id]);
        }

        await ReportAsync(Wang, "王阿姨", "苹果坏了", WangWords);
        World.Advance(TimeSpan.FromMinutes(10));
        await ReportAsync(Zhang, "张叔", "香蕉坏了", "香蕉都黑了");
        World.Advance(TimeSpan.FromMinutes(5));
        await ReportAsync(Liu, LiuName, "苹果坏了", "有一个压烂了");
        World.Advance(TimeSpan.FromMinutes(10));

        var tickets = await World.TicketsAsync();
        Assert.Equal(3, tickets.Count);
        (WangTicket, ZhangTicket, LiuTicket) = (tickets[0], tickets[1], tickets[2]);
    }

    public async Task DisposeAsync()
    {
        await World.DisposeAsync();
        await database.DisposeAsync();
    }

    public Task<Ticket> StoredAsync(long id) =>
        World.ReadAsync(db => db.Tickets.AsNoTracking().Include(t => t.Events).SingleAsync(t => t.Id == id));

    /// <summary>Privately: the report, a photo, a sentence, then 1 to submit.</summary>
    private async Task ReportAsync(string id, string name, string report, string words)
    {
        await World.PrivatelyAsync(id, name, report);
        await World.PhotoAsync(id, name, chatId: null);
        await World.PrivatelyAsync(id, name, words);
        await World.PrivatelyAsync(id, name, "1");
    }
}
