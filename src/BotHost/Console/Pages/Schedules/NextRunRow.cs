namespace GroupBuy.BotHost.Console.Pages.Schedules;

/// <summary>A coming run and the cut-off and pickup its campaign will have, counted from it.</summary>
public sealed record NextRunRow(DateTimeOffset RunAt, DateTimeOffset ClosesAt, DateTimeOffset PickupAt);
