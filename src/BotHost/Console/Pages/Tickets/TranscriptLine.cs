namespace GroupBuy.BotHost.Console.Pages.Tickets;

/// <summary>One line of an intake as it was said: by the resident or the bot, in the group or privately.</summary>
public sealed record TranscriptLine(DateTimeOffset At, bool FromResident, bool InGroup, string Text, bool IsPhoto);
