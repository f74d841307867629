using GroupBuy.Conversations.AfterSales;
using Xunit;

namespace GroupBuy.Conversations.Tests.AfterSales;

/// <summary>The ticket's state machine: who may move it where, the deadlines it keeps, and the history it writes.</summary>
public sealed class TicketTests
{
    private const string Resident = "wx-wang";
    private const string Leader = "wx-li";
    private static readonly DateTimeOffset TakenIn = new(2026, 11, 28, 9, 30, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset Decided = TakenIn.AddMinutes(20);
    private static readonly TimeSpan FollowUpDelay = TimeSpan.FromHours(2);

    [Fact]
    public void A_new_ticket_is_open_with_an_hour_for_the_first_answer()
    {
        var ticket = NewTicket();

        Assert.Equal(TicketStatus.Open, ticket.Status);
        Assert.Equal(TakenIn, ticket.CreatedAt);
        Assert.Equal(TakenIn.AddHours(1), ticket.FirstAnswerDueAt);
        Assert.Null(ticket.AnsweredAt);
        Assert.Null(ticket.Resolution);
        Assert.True(ticket.CanDecide);
        Assert.Equal("苹果有3个烂了", ticket.Description);
        Assert.Equal(25.6m, ticket.Total);
        var opened = Assert.Single(ticket.Events);
        Assert.Equal((TicketStatus.Open, TakenIn, Resident), (opened.Status, opened.At, opened.Actor));
    }

    [Fact]
    public void A_ticket_needs_lines_and_a_description()
    {
        Assert.Throws<ArgumentException>(() => new Ticket(Intake() with { Lines = [] }, TakenIn));
        Assert.Throws<ArgumentException>(() => new Ticket(Intake() with { Description = "  " }, TakenIn));
    }

    [Theory]
    [InlineData(ResolutionKind.Refund, 24)]
    [InlineData(ResolutionKind.Exchange, 72)]
    public void Deciding_proposes_the_resolution_with_its_deadline(ResolutionKind kind, int hours)
    {
        var ticket = NewTicket();

        ticket.Decide(new Resolution(kind, Decided), null, Leader, Decided);

        Assert.Equal(TicketStatus.Proposed, ticket.Status);
        Assert.Equal(kind, ticket.ResolutionKind);
        Assert.Equal(Decided, ticket.AnsweredAt);
        Assert.Equal(Decided, ticket.DecidedAt);
        Assert.Equal(Leader, ticket.DecidedBy);
        Assert.Equal(Decided.AddHours(hours), ticket.DueAt);
        Assert.True(ticket.CanDecide);
    }

    [Fact]
    public void A_compensation_is_due_in_24_hours_and_keeps_its_cash()
    {
        var ticket = NewTicket();

        ticket.Decide(new Resolution(ResolutionKind.Compensation, Decided, new CashCompensation(5m)), null, Leader, Decided);

        Assert.Equal(Decided.AddHours(24), ticket.DueAt);
        Assert.Equal(5m, ticket.CompensationCash);
        Assert.Null(ticket.RefundAmount);
        Assert.Equal(new CashCompensation(5m), ticket.Resolution!.Compensation);
    }

    [Fact]
    public void A_coupon_compensation_has_no_cash()
    {
        var ticket = NewTicket();

        ticket.Decide(new Resolution(ResolutionKind.Compensation, Decided, CouponCompensation.Standard), null, Leader, Decided);

        Assert.Null(ticket.CompensationCash);
        Assert.Same(CouponCompensation.Standard, ticket.Resolution!.Compensation);
    }

    [Fact]
    public void A_refund_gives_back_what_was_paid_unless_told_less()
    {
        var full = NewTicket();
        var partial = NewTicket();

        full.Decide(new Resolution(ResolutionKind.Refund, Decided), null, Leader, Decided);
        partial.Decide(new Resolution(ResolutionKind.Refund, Decided), 8.5m, Leader, Decided);

        Assert.Equal(22.6m, full.RefundAmount);
        Assert.Equal(8.5m, partial.RefundAmount);
    }

    [Theory]
    [InlineData("22.61")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("8.555")]
    public void A_refund_above_what_was_paid_or_not_in_fen_is_refused(string yuan)
    {
        var ticket = NewTicket();
        var amount = decimal.Parse(yuan, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Throws<ArgumentOutOfRangeException>(() => ticket.Decide(new Resolution(ResolutionKind.Refund, Decided), amount, Leader, Decided));
        Assert.Equal(TicketStatus.Open, ticket.Status);
        Assert.Single(ticket.Events);
    }

    [Fact]
    public void Only_a_refund_has_a_refund_amount()
    {
        var ticket = NewTicket();

        Assert.Throws<ArgumentException>(() => ticket.Decide(new Resolution(ResolutionKind.Exchange, Decided), 8.5m, Leader, Decided));
        Assert.Equal(TicketStatus.Open, ticket.Status);
    }

    [Fact]
    public void Deciding_again_before_acceptance_replaces_the_resolution_but_not_the_first_answer()
    {
        var ticket = NewTicket();
        var later = Decided.AddMinutes(10);
        ticket.Decide(new Resolution(ResolutionKind.Refund, Decided), 8.5m, Leader, Decided);

        ticket.Decide(new Resolution(ResolutionKind.Exchange, later), null, Ticket.Actors.Ops, later);

        Assert.Equal(TicketStatus.Proposed, ticket.Status);
        Assert.Equal(ResolutionKind.Exchange, ticket.ResolutionKind);
        Assert.Null(ticket.RefundAmount);
        Assert.Equal(later.AddDays(3), ticket.DueAt);
        Assert.Equal(Ticket.Actors.Ops, ticket.DecidedBy);
        Assert.Equal(Decided, ticket.AnsweredAt);
    }

    [Fact]
    public void Accepting_puts_the_resolution_in_progress()
    {
        var ticket = Proposed();

        ticket.Accept(Decided.AddMinutes(5));

        Assert.Equal(TicketStatus.InProgress, ticket.Status);
        Assert.Equal(Decided.AddMinutes(5), ticket.AcceptedAt);
        Assert.False(ticket.CanDecide);
        Assert.Equal(Resident, ticket.Events.Last().Actor);
    }

    [Fact]
    public void Declining_opens_the_ticket_again_without_a_resolution()
    {
        var ticket = Proposed();

        ticket.Decline(Decided.AddMinutes(5));

        Assert.Equal(TicketStatus.Open, ticket.Status);
        Assert.Null(ticket.ResolutionKind);
        Assert.Null(ticket.Resolution);
        Assert.Null(ticket.RefundAmount);
        Assert.Null(ticket.DecidedAt);
        Assert.Null(ticket.DecidedBy);
        Assert.Null(ticket.DueAt);
        Assert.Equal(Decided, ticket.AnsweredAt);
        Assert.True(ticket.CanDecide);
    }

    [Fact]
    public void Marking_done_plans_the_follow_up()
    {
        var ticket = InProgress();
        var doneAt = Decided.AddHours(3);

        ticket.MarkDone(Leader, doneAt, FollowUpDelay);

        Assert.Equal(TicketStatus.Done, ticket.Status);
        Assert.Equal(doneAt, ticket.DoneAt);
        Assert.Equal(doneAt + FollowUpDelay, ticket.FollowUpDueAt);
        Assert.False(ticket.IsAwaitingFollowUpAnswer);
    }

    [Fact]
    public void Rating_closes_the_ticket()
    {
        var ticket = Done();
        var followUp = Decided.AddHours(5);
        var rated = followUp.AddMinutes(7);
        ticket.FollowUpSent(followUp);
        Assert.True(ticket.IsAwaitingFollowUpAnswer);

        ticket.Rate(4, rated);

        Assert.Equal(TicketStatus.Closed, ticket.Status);
        Assert.Equal(4, ticket.Rating);
        Assert.Equal(rated, ticket.RatedAt);
        Assert.Equal(rated, ticket.ClosedAt);
        Assert.False(ticket.IsAwaitingFollowUpAnswer);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Ratings_outside_one_to_five_are_refused(int rating)
    {
        var ticket = Done();

        Assert.Throws<ArgumentOutOfRangeException>(() => ticket.Rate(rating, Decided.AddHours(5)));
        Assert.Equal(TicketStatus.Done, ticket.Status);
    }

    [Fact]
    public void An_unanswered_follow_up_closes_the_ticket_without_a_rating()
    {
        var ticket = Done();
        var closed = Decided.AddDays(3);

        ticket.CloseUnrated(closed);

        Assert.Equal(TicketStatus.Closed, ticket.Status);
        Assert.Null(ticket.Rating);
        Assert.Equal(closed, ticket.ClosedAt);
        Assert.Equal(Ticket.Actors.Bot, ticket.Events.Last().Actor);
    }

    [Fact]
    public void An_open_ticket_cannot_be_accepted_declined_done_or_rated()
    {
        var ticket = NewTicket();

        Assert.Throws<InvalidOperationException>(() => ticket.Accept(Decided));
        Assert.Throws<InvalidOperationException>(() => ticket.Decline(Decided));
        Assert.Throws<InvalidOperationException>(() => ticket.MarkDone(Leader, Decided, FollowUpDelay));
        Assert.Throws<InvalidOperationException>(() => ticket.Rate(5, Decided));
        Assert.Throws<InvalidOperationException>(() => ticket.CloseUnrated(Decided));
        Assert.Throws<InvalidOperationException>(() => ticket.FollowUpSent(Decided));
        Assert.Equal(TicketStatus.Open, ticket.Status);
        Assert.Single(ticket.Events);
    }

    [Fact]
    public void An_accepted_resolution_can_no_longer_be_changed()
    {
        var ticket = InProgress();

        Assert.Throws<InvalidOperationException>(() => ticket.Decide(new Resolution(ResolutionKind.Exchange, Decided), null, Leader, Decided));
        Assert.Throws<InvalidOperationException>(() => ticket.Accept(Decided));
        Assert.Throws<InvalidOperationException>(() => ticket.Decline(Decided));
        Assert.Equal(TicketStatus.InProgress, ticket.Status);
    }

    [Fact]
    public void A_closed_ticket_takes_no_more_changes()
    {
        var ticket = Done();
        ticket.Rate(5, Decided.AddHours(5));

        Assert.Throws<InvalidOperationException>(() => ticket.Rate(1, Decided.AddHours(6)));
        Assert.Throws<InvalidOperationException>(() => ticket.CloseUnrated(Decided.AddHours(6)));
        Assert.Throws<InvalidOperationException>(() => ticket.MarkDone(Leader, Decided.AddHours(6), FollowUpDelay));
        Assert.Throws<InvalidOperationException>(() => ticket.Decide(new Resolution(ResolutionKind.Refund, Decided), null, Leader, Decided));
        Assert.Equal(5, ticket.Rating);
    }

    [Fact]
    public void A_resolution_is_overdue_only_after_its_deadline_and_until_it_is_done()
    {
        var ticket = Proposed();
        var due = Decided.AddHours(24);

        Assert.False(ticket.IsOverdue(due));
        Assert.True(ticket.IsOverdue(due.AddMinutes(1)));

        // Accepted five minutes later: the 24 h run from then, since nobody could act before.
        ticket.Accept(Decided.AddMinutes(5));
        Assert.Equal(due.AddMinutes(5), ticket.DueAt);
        Assert.False(ticket.IsOverdue(due.AddMinutes(5)));
        Assert.True(ticket.IsOverdue(due.AddMinutes(6)));

        ticket.MarkDone(Leader, due.AddHours(1), FollowUpDelay);
        Assert.False(ticket.IsOverdue(due.AddHours(2)));
    }

    [Fact]
    public void An_open_ticket_is_never_overdue()
    {
        Assert.False(NewTicket().IsOverdue(TakenIn.AddDays(10)));
    }

    [Fact]
    public void The_history_records_every_step_in_order_with_who_did_it()
    {
        var ticket = NewTicket();
        ticket.Escalate(TakenIn.AddMinutes(61), "no_answer");
        ticket.Decide(new Resolution(ResolutionKind.Refund, Decided.AddHours(1)), 8.5m, Leader, Decided.AddHours(1));
        ticket.Decline(Decided.AddHours(2));
        ticket.Decide(new Resolution(ResolutionKind.Compensation, Decided.AddHours(3), CouponCompensation.Standard), null, Ticket.Actors.Ops, Decided.AddHours(3));
        ticket.Accept(Decided.AddHours(4));
        ticket.MarkDone(Ticket.Actors.Bot, Decided.AddHours(4), FollowUpDelay);
        ticket.FollowUpSent(Decided.AddHours(6));
        ticket.Rate(5, Decided.AddHours(7));

        Assert.Equal(
            [
                (TicketStatus.Open, TakenIn, Resident),
                (TicketStatus.Open, TakenIn.AddMinutes(61), Ticket.Actors.Bot),
                (TicketStatus.Proposed, Decided.AddHours(1), Leader),
                (TicketStatus.Open, Decided.AddHours(2), Resident),
                (TicketStatus.Proposed, Decided.AddHours(3), Ticket.Actors.Ops),
                (TicketStatus.InProgress, Decided.AddHours(4), Resident),
                (TicketStatus.Done, Decided.AddHours(4), Ticket.Actors.Bot),
                (TicketStatus.Done, Decided.AddHours(6), Ticket.Actors.Bot),
                (TicketStatus.Closed, Decided.AddHours(7), Resident),
            ],
            ticket.Events.Select(e => (e.Status, e.At, e.Actor)));
        Assert.Equal(TakenIn.AddMinutes(61), ticket.EscalatedAt);
        Assert.Equal(Decided.AddHours(1), ticket.AnsweredAt);
        Assert.Contains("compensation coupon", ticket.Events.ElementAt(4).Note, StringComparison.Ordinal);
    }

    private static TicketIntake Intake() => new(
        "wecom",
        ResidentId: 7,
        Resident,
        "王阿姨",
        ReplyChatId: null,
        GroupId: 3,
        OrderId: 42,
        CampaignId: 11,
        IssueType.Quality,
        [new TicketLine(1, "红富士苹果", 2, 12.8m)],
        Paid: 22.6m,
        ["photo:msg-1"],
        " 苹果有3个烂了 ");

    private static Ticket NewTicket() => new(Intake(), TakenIn);

    private static Ticket Proposed()
    {
        var ticket = NewTicket();
        ticket.Decide(new Resolution(ResolutionKind.Refund, Decided), null, Leader, Decided);
        return ticket;
    }

    private static Ticket InProgress()
    {
        var ticket = Proposed();
        ticket.Accept(Decided.AddMinutes(5));
        return ticket;
    }

    private static Ticket Done()
    {
        var ticket = InProgress();
        ticket.MarkDone(Leader, Decided.AddHours(3), FollowUpDelay);
        return ticket;
    }
}
