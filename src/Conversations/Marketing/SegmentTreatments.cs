using System.Globalization;
using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Chats;
using GroupBuy.Conversations.Coupons;
using GroupBuy.Conversations.Groups;
using GroupBuy.Conversations.Ordering;
using GroupBuy.Conversations.Outbox;
using GroupBuy.Conversations.Segments;
using GroupBuy.Conversations.Storage;
using GroupBuy.Conversations.Templates;
using GroupBuy.Conversations.Time;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.Conversations.Marketing;

/// <summary>
/// The day's treatment of each segmented resident (rules.md "Default treatment"): Dormant get the
/// win-back message with a 满30减8 专属回归券, Active a recommendation with 满50减5 and 满100减12,
/// Core 9.5折 on their next order. Coupons and message are written in one transaction per
/// resident, so a resident never gets a coupon without being told, or told without the coupon.
/// </summary>
/// <remarks>
/// Nobody who said 退订 is treated. A resident gets their treatment at most once per
/// <see cref="MarketingSettings.RepeatAfter"/> (counted from the coupons of that treatment), and a
/// dormant resident only once they have bought at least once: someone who never ordered has
/// nothing to come back to. The message goes privately where the channel has private chats, else
/// into the group of the resident's latest order with an @-mention; it is due at once, or when
/// quiet hours end. Its outbox key is <see cref="MarketingCap.Key"/> for the day it is due, so a
/// retried job or a second host adds nothing, and nor does any other marketing that day.
/// </remarks>
public sealed class SegmentTreatments(
    GroupBuyDbContext db,
    MessageTemplates templates,
    ChannelDirectory channels,
    MarketingSettings settings,
    CouponSettings couponSettings,
    BusinessTimeZone zone,
    TimeProvider clock)
{
    private const int MaxFavourites = 3;

    public async Task<TreatmentResult> RunAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var rows = await db.Set<ResidentSegment>().AsNoTracking().Where(s => s.Day == day).OrderBy(s => s.ResidentId).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var dueAt = settings.QuietHours.NextSendable(now, zone);
        var key = (long residentId) => MarketingCap.Key(residentId, zone.DayOf(dueAt));
        int queued = 0, optedOut = 0, capped = 0, recent = 0, unreachable = 0;
        foreach (var row in rows)
        {
            var outcome = await TreatAsync(row, now, dueAt, key(row.ResidentId), cancellationToken);
            db.ChangeTracker.Clear();
            switch (outcome)
            {
                case Outcome.Queued: queued++; break;
                case Outcome.OptedOut: optedOut++; break;
                case Outcome.Capped: capped++; break;
                case Outcome.Recent: recent++; break;
                default: unreachable++; break;
            }
        }

        return new TreatmentResult(day, queued, optedOut, capped, recent, unreachable);
    }

    private async Task<Outcome> TreatAsync(ResidentSegment row, DateTimeOffset now, DateTimeOffset dueAt, string capKey, CancellationToken cancellationToken)
    {
        if (await UnsubscribeHandler.HasOptedOutAsync(db, row.ResidentId, cancellationToken))
        {
            return Outcome.OptedOut;
        }

        if (await db.OutboundMessages.AnyAsync(m => m.IdempotencyKey == capKey, cancellationToken))
        {
            return Outcome.Capped;
        }

        var purpose = row.Segment switch
        {
            Segment.Core => CouponPurpose.CorePrice,
            Segment.Active => CouponPurpose.Recommendation,
            _ => CouponPurpose.WinBack,
        };
        var since = now - settings.RepeatAfter;
        if (await db.Set<Coupon>().AnyAsync(c => c.ResidentId == row.ResidentId && c.Purpose == purpose && c.IssuedAt > since, cancellationToken))
        {
            return Outcome.Recent;
        }

        var bought = db.Orders.Where(o => o.ResidentId == row.ResidentId && o.Status != OrderStatus.Cancelled);
        if (purpose == CouponPurpose.WinBack && !await bought.AnyAsync(cancellationToken))
        {
            return Outcome.NotReachable;
        }

        var resident = await db.Residents.AsNoTracking().SingleAsync(r => r.Id == row.ResidentId, cancellationToken);
        var privately = channels.Find(resident.Channel)?.Capabilities.HasPrivateChat == true;
        var group = privately ? null : await LatestGroupAsync(resident.Id, cancellationToken);
        if (!privately && group is null)
        {
            return Outcome.NotReachable;
        }

        var expiresAt = couponSettings.ExpiryFor(now, zone);
        var lastDay = ChineseDay(CouponSettings.LastDay(expiresAt, zone));
        var terms = TermsOf(purpose);
        var text = purpose switch
        {
            CouponPurpose.CorePrice => await templates.RenderAsync(new CorePriceMessage(resident.DisplayName, terms[0].Label, lastDay), cancellationToken),
            CouponPurpose.Recommendation => await templates.RenderAsync(
                new RecommendationMessage(resident.DisplayName, await FavouritesAsync(resident.Id, now, cancellationToken), [.. terms.Select(t => t.Label)], lastDay), cancellationToken),
            _ => await templates.RenderAsync(new WinBackMessage(resident.DisplayName, terms[0].Label, ChineseFormat.Money(terms[0].Threshold), lastDay), cancellationToken),
        };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.AddRange(terms.Select(t => new Coupon(resident.Id, purpose, t, now, expiresAt)));
        db.OutboundMessages.Add(privately
            ? OutboundMessage.ToUser(resident.Channel, resident.UserId, text, capKey, now, dueAt)
            : OutboundMessage.ToChat(group!.Channel, group.ChatId, text, [resident.UserId], capKey, now, dueAt));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // Another host or a retry queued the day's marketing for this resident first.
            await transaction.RollbackAsync(CancellationToken.None);
            return Outcome.Capped;
        }

        await transaction.CommitAsync(CancellationToken.None);
        return Outcome.Queued;
    }

    private static IReadOnlyList<CouponTerms> TermsOf(CouponPurpose purpose) => purpose switch
    {
        CouponPurpose.CorePrice => [CouponTerms.CorePrice],
        CouponPurpose.Recommendation => [CouponTerms.FiftyLessFive, CouponTerms.HundredLessTwelve],
        _ => [CouponTerms.WinBack],
    };

    /// <summary>The group of the resident's latest order that still exists, for a mention where nothing is private.</summary>
    private async Task<Group?> LatestGroupAsync(long residentId, CancellationToken cancellationToken) =>
        await (
            from order in db.Orders.AsNoTracking()
            join g in db.Groups.AsNoTracking() on order.GroupId equals g.Id
            where order.ResidentId == residentId && g.DismissedAt == null
            orderby order.CreatedAt descending, order.Id descending
            select g).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The items the resident ordered most (by quantity) in the last 30 days, by name.</summary>
    private async Task<IReadOnlyList<string>> FavouritesAsync(long residentId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now.AddDays(-SegmentRules.WindowDays);
        var lines = await (
            from order in db.Orders.AsNoTracking()
            where order.ResidentId == residentId && order.Status != OrderStatus.Cancelled && order.CreatedAt >= since
            from line in order.Lines
            join item in db.CampaignItems.AsNoTracking() on new { order.CampaignId, line.ItemNo } equals new { item.CampaignId, item.ItemNo }
            select new { item.Name, line.Quantity }).ToListAsync(cancellationToken);
        return [.. lines.GroupBy(l => l.Name).OrderByDescending(g => g.Sum(l => l.Quantity)).ThenBy(g => g.Key, StringComparer.Ordinal).Take(MaxFavourites).Select(g => g.Key)];
    }

    private static string ChineseDay(DateOnly day) => string.Create(CultureInfo.InvariantCulture, $"{day.Month}月{day.Day}日");

    private enum Outcome
    {
        Queued,
        OptedOut,
        Capped,
        Recent,
        NotReachable,
    }
}
