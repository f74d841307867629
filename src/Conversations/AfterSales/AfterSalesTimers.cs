using GroupBuy.Conversations.Marketing;
using GroupBuy.Conversations.Storage;
using GroupBuy.Conversations.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GroupBuy.Conversations.AfterSales;

/// <summary>
/// Everything in after-sales that happens because time passed, run every minute: an intake silent
/// for 30 minutes ends with a note; a ticket nobody answered within the hour, and a resolution past
/// its deadline, go to ops; a carried-out ticket gets its follow-up (回访) when due; a follow-up
/// unanswered for days closes the ticket. Each item is changed and its messages queued in one
/// save; a second host doing the same item at the same moment loses on the row version and
/// changes nothing.
/// </summary>
public sealed class AfterSalesTimers(
    IServiceScopeFactory scopes,
    AfterSalesSettings settings,
    MarketingSettings marketing,
    BusinessTimeZone zone,
    TimeProvider clock,
    ILogger<AfterSalesTimers> logger)
{
    /// <summary>Runs what is due; returns how many dialogs and tickets it changed.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var silentSince = now - IntakeDialog.Silence;
        var firstAnswerDue = now;
        var changed = 0;

        changed += await EachAsync(
            db => db.IntakeDialogs.Where(d => d.EndedAt == null && d.LastActivityAt <= silentSince).Select(d => d.Id),
            async (services, id) =>
            {
                var dialog = await services.GetRequiredService<GroupBuyDbContext>().IntakeDialogs.SingleAsync(d => d.Id == id, cancellationToken);
                if (!dialog.IsSilentAt(now))
                {
                    return false;
                }

                await services.GetRequiredService<IntakeConversation>().TimeOutAsync(dialog, now, cancellationToken);
                return true;
            },
            cancellationToken);

        changed += await EachTicketAsync(
            t => t.Status == TicketStatus.Open && t.AnsweredAt == null && t.EscalatedAt == null && t.FirstAnswerDueAt < firstAnswerDue,
            (desk, ticket) => desk.EscalateUnansweredAsync(ticket, now, cancellationToken),
            cancellationToken);

        changed += await EachTicketAsync(
            t => (t.Status == TicketStatus.Proposed || t.Status == TicketStatus.InProgress) && t.OverdueEscalatedAt == null && t.DueAt < now,
            (desk, ticket) => desk.EscalateOverdueAsync(ticket, now, cancellationToken),
            cancellationToken);

        // A follow-up is a courtesy, not news: none at night (Marketing:QuietHours); the ones that
        // fell due meanwhile go out when the quiet hours end.
        if (marketing.QuietHours.NextSendable(now, zone) == now)
        {
            changed += await EachTicketAsync(
                t => t.Status == TicketStatus.Done && t.FollowUpSentAt == null && t.FollowUpDueAt <= now,
                (desk, ticket) => desk.SendFollowUpAsync(ticket, now, cancellationToken),
                cancellationToken);
        }

        var unansweredSince = now - settings.FollowUpAnswerWindow;
        changed += await EachTicketAsync(
            t => t.Status == TicketStatus.Done && t.FollowUpSentAt <= unansweredSince,
            (_, ticket) =>
            {
                ticket.CloseUnrated(now);
                return Task.CompletedTask;
            },
            cancellationToken);

        return changed;
    }

    // The condition is asked again when the ticket is loaded for its own unit of work: between
    // listing and loading, the leader may have answered or another host may have done it already.
    private Task<int> EachTicketAsync(
        System.Linq.Expressions.Expression<Func<Ticket, bool>> due, Func<TicketDesk, Ticket, Task> act, CancellationToken cancellationToken) =>
        EachAsync(
            db => db.Tickets.Where(due).Select(t => t.Id),
            async (services, id) =>
            {
                var ticket = await services.GetRequiredService<GroupBuyDbContext>().Tickets
                    .Include(t => t.Lines).Include(t => t.Events)
                    .Where(due)
                    .SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
                if (ticket is null)
                {
                    return false;
                }

                await act(services.GetRequiredService<TicketDesk>(), ticket);
                return true;
            },
            cancellationToken);

    // One scope (one unit of work) per item: one item's failure or lost race leaves the others alone.
    private async Task<int> EachAsync(
        Func<GroupBuyDbContext, IQueryable<long>> due, Func<IServiceProvider, long, Task<bool>> act, CancellationToken cancellationToken)
    {
        List<long> ids;
        await using (var scope = scopes.CreateAsyncScope())
        {
            ids = await due(scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>()).OrderBy(id => id).ToListAsync(cancellationToken);
        }

        var changed = 0;
        foreach (var id in ids)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GroupBuyDbContext>();
            try
            {
                if (await act(scope.ServiceProvider, id))
                {
                    await db.SaveChangesAsync(cancellationToken);
                    changed++;
                }
            }
            catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || ex.IsUniqueViolation())
            {
                // Another host handled this item first; its messages are the ones that go out.
                logger.LogInformation("After-sales item {Id} was handled elsewhere first", id);
            }
        }

        return changed;
    }
}
