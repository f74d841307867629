using System.Text.Json;
using GroupBuy.BotHost.Tests.Support;
using GroupBuy.Conversations.AfterSales;
using GroupBuy.Testing;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace GroupBuy.BotHost.Tests.AfterSales;

/// <summary>
/// The embedded default (SQLite) keeps the same promises: an intake across a restart, a ticket
/// through decision, refund, follow-up and rating on a fake clock, the silence timeout, and one
/// open intake per resident held by the database itself.
/// </summary>
public sealed class AfterSalesOnSqliteTests : IAsyncLifetime
{
    private const string Wang = "u-wang";
    private const string WangName = "王阿姨";

    private readonly TempFolder folder = new();
    private AfterSalesWorld world = null!;

    public async Task InitializeAsync()
    {
        world = await AfterSalesWorld.StartAsync(folder);
        await world.PublishAsync();
    }

    public async Task DisposeAsync()
    {
        await world.DisposeAsync();
        folder.Dispose();
    }

    [Fact]
    public async Task An_intake_survives_a_restart_and_its_ticket_runs_to_a_rating()
    {
        await world.OrderAndCollectAsync();
        await world.SayAsync(Wang, WangName, "苹果烂了");
        var photo = await world.PhotoAsync(Wang, WangName, chatId: null);
        await world.RestartAsync();
        await world.PrivatelyAsync(Wang, WangName, "两个都烂了");
        await world.PrivatelyAsync(Wang, WangName, "1");
        var ticket = Assert.Single(await world.TicketsAsync());
        Assert.Equal([$"https://img.example.com/{photo}.jpg"], ticket.Evidence);
        Assert.Equal("两个都烂了", ticket.Description);

        await world.PrivatelyAsync(AfterSalesWorld.LeaderId, "李姐", "退款 T1001 10");
        await world.PrivatelyAsync(Wang, WangName, "同意");
        await world.PrivatelyAsync(AfterSalesWorld.LeaderId, "李姐", "完成 T1001");
        world.Advance(TimeSpan.FromHours(2));
        await world.RunTimersAsync();
        await world.PrivatelyAsync(Wang, WangName, "4");

        ticket = Assert.Single(await world.TicketsAsync());
        Assert.Equal((TicketStatus.Closed, 10m, 4), (ticket.Status, ticket.RefundAmount!.Value, ticket.Rating!.Value));
        var refunded = await world.ReadAsync(db => db.Set<Conversations.Ordering.Refund>().SumAsync(r => (double)r.Amount));
        Assert.Equal(10d, refunded);
    }

    [Fact]
    public async Task Silence_ends_the_intake_and_a_second_open_intake_is_refused_by_the_database()
    {
        await world.OrderAndCollectAsync();
        await world.PrivatelyAsync(Wang, WangName, "苹果坏了");
        world.Advance(IntakeDialog.Silence);
        await world.RunTimersAsync();
        Assert.Equal(IntakeOutcome.TimedOut, Assert.Single(await world.DialogsAsync()).Outcome);

        await world.PrivatelyAsync(Wang, WangName, "苹果坏了");
        var open = Assert.Single(await world.DialogsAsync(), d => d.EndedAt is null);

        var second = await Assert.ThrowsAsync<DbUpdateException>(() => world.ReadAsync(async db =>
        {
            db.IntakeDialogs.Add(new IntakeDialog("gateway", open.ResidentId, Wang, WangName, null, null, [open.OrderChoices[0]], null, world.Clock.GetUtcNow()));
            return await db.SaveChangesAsync();
        }));
        Assert.Contains("UNIQUE", second.InnerException?.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Through_the_bridge_the_group_gets_a_pointer_and_the_questions_go_privately()
    {
        using var own = new TempFolder();
        await using var chat = await ChatScenario.StartAsync(settings => BotHostFactory.OnSqlite(own, settings));
        await chat.PublishAsync(new { name = "红富士苹果", aliases = new[] { "苹果" }, price = 12.8m, referencePrice = 15.8m, category = "生鲜", stock = (int?)null });
        await chat.SayAsync(Wang, WangName, "苹果+2");
        await chat.SayAsync(ChatScenario.LeaderId, "李姐", "截单");
        await chat.SayAsync(ChatScenario.LeaderId, "李姐", "到货");
        await chat.SayAsync(ChatScenario.LeaderId, "李姐", "已取 @王阿姨", mentions: [Wang]);

        await chat.SayAsync(Wang, WangName, "苹果烂了");

        var pointer = await chat.WaitForAsync(d => d.Text.Contains("私信您了", StringComparison.Ordinal));
        Assert.Equal((ChatScenario.ChatId, Wang), (pointer.Body.GetProperty("chatId").GetString(), pointer.Body.GetProperty("mentions")[0].GetString()));
        var question = await chat.WaitForAsync(d => d.Body.GetProperty("toUserId").ValueKind == JsonValueKind.String);
        Assert.Equal((Wang, JsonValueKind.Null), (question.Body.GetProperty("toUserId").GetString(), question.Body.GetProperty("chatId").ValueKind));
        Assert.Contains("拍一张质量问题的照片", question.Text, StringComparison.Ordinal);
    }
}
