namespace GroupBuy.Conversations.Reminders;

/// <summary>The reminders that follow 到货 in a group, in order.</summary>
public enum PickupReminderStep
{
    /// <summary>A couple of hours after arrival (skipped when that falls at night).</summary>
    First = 0,

    /// <summary>The next morning.</summary>
    NextMorning = 1,

    /// <summary>Two days on: the leader hears who is still missing.</summary>
    LeaderOverdue = 2,
}
