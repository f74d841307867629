namespace GroupBuy.Conversations.Campaigns;

/// <summary>
/// Something about an item's selection (选品) ops should know but may go ahead with: a price
/// advantage outside 10%–20%, or a category listed on ops' override. Said in English for the
/// admin API and in Chinese for the console, from one rule.
/// </summary>
public sealed record SelectionWarning(string Text, string InChinese);
