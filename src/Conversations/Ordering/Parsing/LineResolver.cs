namespace GroupBuy.Conversations.Ordering.Parsing;

/// <summary>
/// Turns paired counts into reply lines, or says what stops it: an item that several items fit,
/// a number no item has, a count outside 1..99, a count with no item in a multi-item campaign.
/// A bare count is for the quoted item, else for the only item of a single-item campaign.
/// </summary>
internal sealed class LineResolver(Catalog catalog, int? quotedItemNo)
{
    public const int MaxQuantity = 99;

    public bool HasQuotedItem => quotedItemNo is not null;

    /// <summary>Null when the lines were made; otherwise why not.</summary>
    public string? TryResolve(Binding binding, IReadOnlyList<ReplyToken> unknowns, bool setting, out IReadOnlyList<ReplyLine> lines)
    {
        lines = [];
        var totals = new List<ReplyLine>();
        var bareCount = binding.Bare.Count();
        foreach (var claim in binding.Claims)
        {
            if (CheckCount(claim.Count, allowZero: setting) is { } badCount)
            {
                return badCount;
            }

            var quantity = claim.Count.Value!.Value;
            if (claim.EveryItem)
            {
                totals.AddRange(catalog.Items.Select(i => new ReplyLine(i.ItemNo, quantity)));
                continue;
            }

            if (claim.IsBare)
            {
                if (binding.Named.Any() || bareCount > 1)
                {
                    // "苹果+1 梨子+1": the word by the second count is the better question.
                    return Nearest(claim, unknowns) is { } word ? $"no item matches '{word.Text}'" : "a quantity without an item";
                }

                if (Unnamed(claim, unknowns, out var itemNo) is { } noItem)
                {
                    return noItem;
                }

                totals.Add(new ReplyLine(itemNo, quantity));
                continue;
            }

            if (claim.Items.Count > 1 && claim.Count.Kind != TokenKind.Each && claim.Count.Form != QuantityForm.Plus)
            {
                // "牛奶面包2份": two of each, or one each? "各" or "+2" would say.
                return "one quantity for several items";
            }

            foreach (var item in claim.Items)
            {
                if (Item(item, out var itemNo) is { } badItem)
                {
                    return badItem;
                }

                totals.Add(new ReplyLine(itemNo, quantity));
            }
        }

        if (binding.Uncounted.Count > 0)
        {
            return $"no quantity for '{binding.Uncounted[0].Text}'";
        }

        return Merge(totals, setting, out lines);
    }

    /// <summary>Null when the token names exactly one item of this campaign.</summary>
    public string? Item(ReplyToken token, out int itemNo)
    {
        itemNo = 0;
        if (token.ItemNos.Count > 1)
        {
            return $"several items match '{token.Text}'";
        }

        if (token.ItemNos.Count == 0 || !catalog.Contains(token.ItemNos[0]))
        {
            return $"no item {token.Value}";
        }

        itemNo = token.ItemNos[0];
        return null;
    }

    /// <summary>The item a reply with no item in it is about: the quoted one, or the only one.</summary>
    public string? Implied(out int itemNo)
    {
        itemNo = quotedItemNo ?? (catalog.HasSingleItem ? catalog.Items[0].ItemNo : 0);
        if (itemNo == 0)
        {
            return "no item given in a multi-item campaign";
        }

        return catalog.Contains(itemNo) ? null : $"no item {itemNo}";
    }

    private string? Unnamed(Claim claim, IReadOnlyList<ReplyToken> unknowns, out int itemNo)
    {
        var problem = Implied(out itemNo);
        if (problem is null || quotedItemNo is not null || unknowns.Count == 0)
        {
            return problem;
        }

        // A word next to the count that fits no item is the likelier question than "which item?".
        return $"no item matches '{Nearest(claim, unknowns)!.Text}'";
    }

    private static ReplyToken? Nearest(Claim claim, IReadOnlyList<ReplyToken> unknowns) =>
        unknowns.MinBy(u => Math.Min(Math.Abs(u.End - claim.Count.Start), Math.Abs(u.Start - claim.Count.End)));

    private static string? CheckCount(ReplyToken count, bool allowZero)
    {
        if (count.Approximate)
        {
            return $"an approximate quantity '{count.NumberText}'";
        }

        if (count.Oversized)
        {
            return $"quantity must be 1 to {MaxQuantity}, not {count.NumberText}";
        }

        if (count.Fractional || count.Value is null)
        {
            return $"a fractional quantity '{count.NumberText}'";
        }

        return count.Value is > MaxQuantity || (count.Value == 0 && !allowZero) ? $"quantity must be 1 to {MaxQuantity}, not {count.Value}" : null;
    }

    private static string? Merge(List<ReplyLine> totals, bool setting, out IReadOnlyList<ReplyLine> lines)
    {
        lines = [];
        var merged = new List<ReplyLine>();
        foreach (var line in totals)
        {
            var at = merged.FindIndex(l => l.ItemNo == line.ItemNo);
            if (at < 0)
            {
                merged.Add(line);
            }
            else if (!setting)
            {
                // "牛奶+1 … 牛奶+2": both were asked for.
                merged[at] = line with { Quantity = merged[at].Quantity + line.Quantity };
            }
            else if (merged[at].Quantity != line.Quantity)
            {
                return $"two different quantities for item {line.ItemNo}";
            }
        }

        if (merged.Find(l => l.Quantity > MaxQuantity) is { } tooMany)
        {
            return $"quantity must be 1 to {MaxQuantity}, not {tooMany.Quantity}";
        }

        lines = merged;
        return null;
    }
}
