using GroupBuy.Conversations.Ordering.Parsing;
using Xunit;
using static GroupBuy.Conversations.Tests.Ordering.Parsing.Replies;

namespace GroupBuy.Conversations.Tests.Ordering.Parsing.Corpus;

/// <summary>
/// Every reply in replies.tsv, read the way the host reads it (@-mentions off, then the parser).
/// Each row is its own case, named by its line, catalog, quoted item and text.
/// </summary>
public sealed class ReplyCorpusTests
{
    private static readonly IReadOnlyList<CorpusReply> Corpus = ReplyCorpus.Load();

    public static TheoryData<int, string, int?, string, string> Rows()
    {
        var rows = new TheoryData<int, string, int?, string, string>();
        foreach (var row in Corpus)
        {
            rows.Add(row.Line, row.CatalogName, row.QuotedItemNo, row.Typed, row.Expected);
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Each_reply_means_what_the_corpus_says(int line, string catalog, int? quoted, string reply, string expected)
    {
        var actual = Show(ReplyCorpus.ParserText(reply), ReplyCorpus.CatalogNamed(catalog), quoted);

        Assert.True(expected == actual, $"replies.tsv line {line}: '{reply}' ({catalog}) should be '{expected}', was '{actual}'");
    }

    [Fact]
    public void The_corpus_is_large_and_covers_every_kind_of_reply()
    {
        Assert.True(Corpus.Count >= 250, $"only {Corpus.Count} replies");
        Assert.Equal(Enum.GetValues<ReplyKind>().Order(), Corpus.Select(r => r.ExpectedKind).Distinct().Order());
    }

    [Fact]
    public void Every_catalog_appears_in_the_corpus()
    {
        Assert.Equal(["Apples", "Fresh", "NoAliases", "Produce", "Single"], Corpus.Select(r => r.CatalogName).Distinct().Order());
    }
}
