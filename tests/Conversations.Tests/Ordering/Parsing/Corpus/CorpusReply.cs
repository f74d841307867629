using GroupBuy.Conversations.Ordering.Parsing;

namespace GroupBuy.Conversations.Tests.Ordering.Parsing.Corpus;

/// <summary>
/// One row of replies.tsv. <see cref="Typed"/> is what the resident sent; <see cref="Text"/> is
/// what reaches the parser once the host has taken the @-mentions off.
/// </summary>
internal sealed record CorpusReply(int Line, string CatalogName, Catalog Catalog, int? QuotedItemNo, string Typed, string Text, string Expected)
{
    /// <summary>The first word of <see cref="Expected"/>: Order, Change, Cancel, None or Unclear.</summary>
    public ReplyKind ExpectedKind => Enum.Parse<ReplyKind>(Expected.Split(' ')[0]);
}
