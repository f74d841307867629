using System.Text.RegularExpressions;
using GroupBuy.Conversations.AfterSales;
using Group = GroupBuy.Conversations.Groups.Group;

namespace GroupBuy.BotHost.Console.Pages.Tickets;

/// <summary>
/// A ticket's history in ops' words. The notes are the ticket's own fixed wording
/// (<see cref="Ticket"/>: "decided: refund", "escalated to ops: no_answer"), so each has its
/// Chinese here; a note this page does not know yet is shown as stored rather than hidden.
/// </summary>
public static partial class TicketHistoryWords
{
    public static string Note(string note) => note switch
    {
        "taken in by chat" => "居民在聊天中登记",
        "decided: refund" => "决定退款，等居民确认",
        "decided: exchange" => "决定换货，等居民确认",
        "decided: compensation coupon" => "决定补偿满20减3优惠券，等居民确认",
        "accepted by the resident" => "居民接受方案",
        "declined by the resident" => "居民不接受方案",
        "carried out" => "已办结",
        "escalated to ops: no_answer" => "1 小时内无人答复，已提醒运营",
        "escalated to ops: declined" => "居民不接受，已提醒运营",
        "escalated to ops: resolution overdue" => "超过期限未完成，已提醒运营",
        "follow-up sent" => "已发回访",
        "follow-up unanswered" => "回访无人回复，工单关闭",
        _ when Cash().Match(note) is { Success: true } cash => $"决定现金补偿 {cash.Groups[1].Value} 元，等居民确认",
        _ when Rated().Match(note) is { Success: true } rated => $"居民评价 {rated.Groups[1].Value} 分",
        _ => note,
    };

    /// <summary>Who: the resident, the group's leader, ops (console, API or ops chat) or the bot's timers.</summary>
    public static string Actor(string actor, Ticket ticket, Group? group)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (actor == ticket.ResidentUserId)
        {
            return "居民 " + ShownName.Of(ticket.ResidentName);
        }

        if (group is not null && actor == group.LeaderId)
        {
            return "团长 " + group.LeaderName;
        }

        // The desk lets only the group's leader and ops act, so anyone else spoke in the ops chat.
        return actor switch
        {
            Ticket.Actors.Ops => "运营（运营台或接口）",
            Ticket.Actors.Bot => "团购助手（自动）",
            _ => "运营群 " + actor,
        };
    }

    [GeneratedRegex(@"^decided: compensation ([0-9.]+) yuan$")]
    private static partial Regex Cash();

    [GeneratedRegex(@"^rated ([1-5])$")]
    private static partial Regex Rated();
}
