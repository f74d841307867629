namespace GroupBuy.BotHost.Campaigns;

/// <summary>
/// Body of <c>POST /api/campaigns/{id}/parse</c>. Beyond the contract's text and sender name, a
/// chat id reads the reply as it would be read in that chat now (against its latest order chain
/// and the campaign's preview there), and quotedText stands for the message the reply quotes.
/// </summary>
internal sealed record ParseRequest(string? Text, string? SenderName, string? ChatId, string? QuotedText);

/// <summary>How the bot would read a reply: kind, lines (quantity 0 for cancelled items), and why.</summary>
internal sealed record ParseResponse(string Kind, IReadOnlyList<ParsedLineResponse> Lines, string ReadBy, string? Reason, bool TakingOrders);

internal sealed record ParsedLineResponse(int ItemNo, int Quantity, string ItemName);
