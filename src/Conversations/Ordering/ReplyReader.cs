using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Ordering.Llm;
using GroupBuy.Conversations.Ordering.Parsing;

namespace GroupBuy.Conversations.Ordering;

/// <summary>
/// Reads a reply the way the bot does, for the chat (<see cref="OrderReplyHandler"/>) and for ops'
/// dry run alike: an order chain is narrowed to the lines the sender added, lines copied from the
/// campaign's preview are dropped, the deterministic parser reads the rest, and only what it finds
/// unclear goes to the model, when one is configured.
/// </summary>
public sealed class ReplyReader(ReplyParser parser, LlmReplyReader model)
{
    /// <summary>The deterministic reading, without the model.</summary>
    public ReplyReading Read(string text, Campaign campaign, ReplySurroundings surroundings)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(surroundings);
        var catalog = CatalogOf(campaign);
        var (own, chain) = OwnLines(text, surroundings);
        if (own.Length == 0)
        {
            return new ReplyReading(ReplyKind.None, [], false, "an order chain with no new lines", chain);
        }

        var parsed = parser.Parse(own, catalog, QuotedItem.Find(surroundings.QuotedText, catalog));
        return new ReplyReading(parsed.Kind, [.. parsed.Lines.Select(l => new OrderQuantity(l.ItemNo, l.Quantity))], false, parsed.Reason, chain) { OwnText = own };
    }

    /// <summary>The reading, with the model asked about what the parser found unclear.</summary>
    public async Task<ReplyReading> ReadAsync(string text, Campaign campaign, ReplySurroundings surroundings, CancellationToken cancellationToken)
    {
        var reading = Read(text, campaign, surroundings);
        if (reading.Kind != ReplyKind.Unclear || !model.IsEnabled)
        {
            return reading;
        }

        var answer = await model.ReadAsync(reading.OwnText, [.. campaign.Items.OrderBy(i => i.ItemNo)], cancellationToken);
        if (answer is null)
        {
            return reading;
        }

        var kind = answer.Edit switch
        {
            OrderEdit.Add => ReplyKind.Order,
            OrderEdit.Set => ReplyKind.Change,
            _ => ReplyKind.Cancel,
        };
        IReadOnlyList<OrderQuantity> lines = answer.Edit switch
        {
            OrderEdit.RemoveAll => [],
            OrderEdit.Remove => [.. answer.Lines.Select(l => l with { Quantity = 0 })],
            _ => answer.Lines,
        };
        return reading with { Kind = kind, Lines = lines, ReadByModel = true, Reason = "read by the model" };
    }

    public static Catalog CatalogOf(Campaign campaign) =>
        new([.. campaign.Items.OrderBy(i => i.ItemNo).Select(i => new CatalogItem(i.ItemNo, i.Name, i.Aliases))]);

    /// <summary>What the sender wrote themselves: the new lines of a chain, or the reply without lines copied from the preview.</summary>
    private static (string Own, OrderChain? Chain) OwnLines(string text, ReplySurroundings surroundings)
    {
        if (OrderChainReader.TryRead(text, out var chain))
        {
            OrderChainReader.TryRead(surroundings.PreviousChain, out var previous);
            var added = OrderChainReader.NewEntries(previous, chain);
            return (string.Join('\n', added.Select(e => OrderChainReader.StripName(e.Text))), chain);
        }

        return (surroundings.Preview is { } preview ? CopiedLines.Without(text, preview) : text, null);
    }
}
