using System.Globalization;
using GroupBuy.Conversations.Chats;
using GroupBuy.Conversations.Ordering.Parsing;

namespace GroupBuy.Conversations.Tests.Ordering.Parsing.Corpus;

/// <summary>
/// Loads replies.tsv, the corpus of resident replies with what they mean. The tests check every
/// row and the benchmarks time the parser on the same rows, so both projects copy the file to
/// Corpus/ beside their binaries and compile this loader in.
/// </summary>
internal static class ReplyCorpus
{
    /// <summary>How residents @-mention the bot in the corpus; the host's default <c>Bot:Name</c>.</summary>
    public const string BotName = "团购助手";

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "Corpus", "replies.tsv");

    public static IReadOnlyList<CorpusReply> Load() => Load(DefaultPath);

    public static IReadOnlyList<CorpusReply> Load(string path)
    {
        var rows = new List<CorpusReply>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0 || lines[i].StartsWith('#'))
            {
                continue;
            }

            var line = i + 1;
            var columns = lines[i].Split('\t');
            if (columns.Length != 4)
            {
                throw new InvalidDataException($"{path} line {line}: {columns.Length} columns instead of 4 (catalog, quoted, reply, expected)");
            }

            var typed = columns[2].Replace("\\n", "\n", StringComparison.Ordinal);
            int? quoted = columns[1].Length == 0 ? null : int.Parse(columns[1], CultureInfo.InvariantCulture);
            rows.Add(new CorpusReply(line, columns[0], CatalogNamed(columns[0]), quoted, typed, ParserText(typed), columns[3]));
        }

        return rows;
    }

    /// <summary>What the parser is given for a typed reply: the host strips @-mentions and a leading "/" first.</summary>
    public static string ParserText(string typed) => ChatText.From(typed, BotName).Text;

    public static Catalog CatalogNamed(string name) => name switch
    {
        nameof(Catalogs.Single) => Catalogs.Single,
        nameof(Catalogs.Fresh) => Catalogs.Fresh,
        nameof(Catalogs.NoAliases) => Catalogs.NoAliases,
        nameof(Catalogs.Apples) => Catalogs.Apples,
        nameof(Catalogs.Produce) => Catalogs.Produce,
        _ => throw new InvalidDataException($"unknown catalog '{name}' in the reply corpus"),
    };
}
