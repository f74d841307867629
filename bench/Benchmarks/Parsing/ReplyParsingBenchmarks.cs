using BenchmarkDotNet.Attributes;
using GroupBuy.Conversations.Ordering.Parsing;
using GroupBuy.Conversations.Tests.Ordering.Parsing.Corpus;

namespace GroupBuy.Benchmarks.Parsing;

/// <summary>
/// How many replies one core reads, on the mixed corpus the tests check (orders, changes,
/// cancellations, chatter, unclear replies, against five catalogs). The mean is per reply, so
/// replies per second is one second divided by it.
/// </summary>
[MemoryDiagnoser]
public class ReplyParsingBenchmarks
{
    // A fixed number per invocation, taken evenly across the corpus, so the mean stays per reply
    // and keeps the corpus's mix as rows are added.
    private const int RepliesPerInvoke = 500;

    private readonly ReplyParser parser = new();
    private CorpusReply[] replies = [];

    [GlobalSetup]
    public void Setup()
    {
        var corpus = ReplyCorpus.Load();
        if (corpus.Count < RepliesPerInvoke)
        {
            throw new InvalidOperationException($"The reply corpus has {corpus.Count} rows; the benchmark reads {RepliesPerInvoke}.");
        }

        replies = [.. Enumerable.Range(0, RepliesPerInvoke).Select(k => corpus[k * corpus.Count / RepliesPerInvoke])];
    }

    [Benchmark(OperationsPerInvoke = RepliesPerInvoke)]
    public int ParseMixedReplies()
    {
        var lines = 0;
        foreach (var reply in replies)
        {
            lines += parser.Parse(reply.Text, reply.Catalog, reply.QuotedItemNo).Lines.Count;
        }

        return lines;
    }
}
