using System.Net;
using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Conversations.Inbox;
using GroupBuy.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GroupBuy.BotHost.Tests.Inbox;

/// <summary>
/// A chat's backlog processed as one batch on PostgreSQL (the inbox's workers off, one call to the
/// processor): what the replies of a batch share (the campaign, the preview, the open
/// acknowledgement) is read once, and a message that another handler takes in between (a leader's
/// 截单) is seen by every reply after it.
/// </summary>
public sealed class ChatBatchTests : IAsyncLifetime
{
    private readonly PostgresDatabase database = MigratedDatabase.Create();
    private ChatScenario chat = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        chat = await ChatScenario.StartAsync(settings => BotHostFactory.OnPostgres(database.ConnectionString, settings), ("Inbox:Workers", "0"), ("Ordering:AckDelaySeconds", "2"));
        await chat.PublishAsync(new { name = "红富士苹果", aliases = new[] { "苹果" }, price = 12.8m, referencePrice = 15.8m, category = "生鲜", stock = 50 });
    }

    public async Task DisposeAsync()
    {
        await chat.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task Replies_after_the_leaders_cut_off_in_the_same_batch_hear_that_ordering_closed()
    {
        await SendAsync("m-1", "u-1", "王阿姨", "苹果+2");
        await SendAsync("m-2", ChatScenario.LeaderId, "李姐", "截单");
        await SendAsync("m-3", "u-2", "李叔", "苹果+1");
        await SendAsync("m-4", "u-1", "王阿姨", "苹果+1");

        Assert.True(await chat.Host.Services.GetRequiredService<InboxProcessor>().ProcessNextAsync(CancellationToken.None));
        foreach (var id in new[] { "m-1", "m-2", "m-3", "m-4" })
        {
            await chat.ProcessedAsync(id);
        }

        // Only the reply before the cut-off is an order, and stock was taken for it alone.
        Assert.Equal(new Dictionary<string, string> { ["u-1"] = "1:2" }, await chat.OrdersAsync());
        Assert.Equal(48, await chat.StockAsync(1));
        var replies = await chat.RepliesAsync();
        Assert.Contains(replies, r => r.Text == "李叔，【周四鲜果】已经截单啦，这次没能帮您记上，下次开团早点来哦～");
        Assert.Contains(replies, r => r.Text == "王阿姨，【周四鲜果】已经截单啦，这次没能帮您记上，下次开团早点来哦～");
    }

    [Fact]
    public async Task Replies_of_one_batch_are_acknowledged_together_each_order_as_it_stands()
    {
        await SendAsync("m-1", "u-1", "王阿姨", "苹果+2");
        await SendAsync("m-2", "u-2", "李叔", "+1");
        await SendAsync("m-3", "u-1", "王阿姨", "苹果+1");

        Assert.True(await chat.Host.Services.GetRequiredService<InboxProcessor>().ProcessNextAsync(CancellationToken.None));
        await chat.ProcessedAsync("m-3");

        Assert.Equal(new Dictionary<string, string> { ["u-1"] = "1:3", ["u-2"] = "1:1" }, await chat.OrdersAsync());
        // One batch of acknowledgements (kept open across the batch's replies), each order as it stands.
        var ack = Assert.Single(await chat.RepliesAsync());
        Assert.StartsWith("已记下【周四鲜果】", ack.Text, StringComparison.Ordinal);
        Assert.Matches("王阿姨：[^\n]*苹果×3", ack.Text);
        Assert.Matches("李叔：[^\n]*苹果×1", ack.Text);
        Assert.Equal(1, ack.Text.Split("王阿姨").Length - 1);
    }

    private async Task SendAsync(string messageId, string senderId, string senderName, string text) =>
        Assert.Equal(HttpStatusCode.OK, (await chat.Gateway.SendAsync(GatewayClient.Text(messageId, ChatScenario.ChatId, senderId, text, senderName))).StatusCode);
}
