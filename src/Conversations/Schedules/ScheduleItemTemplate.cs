namespace GroupBuy.Conversations.Schedules;

/// <summary>An item as ops list it in a schedule, already checked by the same rules as a campaign's items.</summary>
public sealed record ScheduleItemTemplate(string Name, IReadOnlyList<string> Aliases, decimal Price, decimal ReferencePrice, string Category, int? Stock, bool AllowUnsuitable);
