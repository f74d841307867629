namespace GroupBuy.Conversations.Ordering.Parsing;

/// <summary>
/// A reply taken apart: <see cref="Text"/> is the normalised reply with item names replaced by
/// <see cref="ReplyScanner.ItemMark"/> and never-quantity numbers blanked; <see cref="Tokens"/> are
/// in reading order; <see cref="OtherWords"/> are the words nobody could place (names, addresses, chatter).
/// </summary>
internal sealed record ScannedReply(string Text, IReadOnlyList<ReplyToken> Tokens, IReadOnlyList<LooseWord> OtherWords)
{
    public bool Has(TokenKind kind) => Tokens.Any(t => t.Kind == kind);
}
