namespace GroupBuy.Conversations.Ordering.Parsing;

/// <summary>Reads a reply that neither changes nor cancels: what to add.</summary>
internal static class OrderReading
{
    // "+1" next to these talks about an order already placed: "前天+1的", "已经+1了".
    private static readonly string[] EarlierOrder = ["昨天", "前天", "上次", "上周", "上回", "上礼拜", "之前", "刚才", "已经"];

    // Counts with a measure word next to these describe the goods, not an order: "还剩2份",
    // "到货3箱", "坏了两个" (a complaint for after-sales), "又买了两箱".
    private static readonly string[] AboutGoods =
    [
        "限购", "截单", "截止", "到货", "到了", "自提", "取货", "发货", "配送", "库存", "售罄", "卖完", "没货", "没了", "剩", "还有",
        "已到", "只有", "坏", "烂", "破", "漏", "少了", "缺", "发霉", "变质", "过期", "收到", "买了", "买过",
    ];

    private static readonly string[] WantWords = ["要", "来", "买", "订", "留", "拿"];

    private static readonly string[] Everyone = ["大家", "各位", "家人们", "邻居们", "亲们"];

    public static ParsedReply Read(ScannedReply scan, LineResolver resolver)
    {
        var counts = scan.Tokens.Where(t => t.IsCount).ToList();
        var clauses = Clauses.Split(scan.Text);
        if (counts.Any(t => t.Form == QuantityForm.Plus && t.End < scan.Text.Length && scan.Text[t.End] == '的')
            || counts.Any(t => t.IsFirm && EarlierOrder.Any(ClauseOf(t, scan.Text, clauses).Contains)))
        {
            return ParsedReply.NotAnOrder("about an earlier order");
        }

        if (scan.Tokens.FirstOrDefault(t => t.Kind == TokenKind.Decrease) is { } decrease)
        {
            return ParsedReply.Unclear($"a decrease ('{decrease.Text}') instead of a new total");
        }

        if (scan.Has(TokenKind.Each) && AllButWords.In(scan.Text))
        {
            return ParsedReply.Unclear("orders all but some items");
        }

        var binding = QuantityBinder.Bind(scan.Tokens);
        if (binding.Claims.Count == 0 && binding.Uncounted.Count == 0 && resolver.HasQuotedItem && WantsIt(scan.Text))
        {
            // "我要" under a quoted item: one of that item.
            return resolver.Implied(out var quoted) is { } noItem
                ? ParsedReply.Unclear(noItem)
                : new ParsedReply(ReplyKind.Order, [new ReplyLine(quoted, 1)]);
        }

        if (binding.Claims.Count == 0)
        {
            return ParsedReply.NotAnOrder(binding.Uncounted.Count > 0 ? "mentions an item without ordering" : "no order in it");
        }

        // "请大家+1", "各位邻居来一份": a call to everyone, from the leader or a helper, orders nothing.
        if (binding.Claims.All(c => c.IsBare) && Everyone.Any(w => scan.Text.Contains(w, StringComparison.Ordinal)))
        {
            return ParsedReply.NotAnOrder("a call to everyone");
        }

        if (binding.Claims.All(c => !c.Count.IsFirm))
        {
            if (AboutGoods.Concat(EarlierOrder).Any(w => scan.Text.Contains(w, StringComparison.Ordinal)))
            {
                return ParsedReply.NotAnOrder("talks about the goods");
            }

            // "我一个人吃不完": a count with no item and words after it is talk, not an order.
            if (binding.Claims.All(c => c.IsBare) && binding.Claims.Any(c => scan.OtherWords.Any(w => w.Start >= c.Count.End)))
            {
                return ParsedReply.NotAnOrder("a count in a sentence");
            }
        }

        var unknowns = scan.Tokens.Where(t => t.Kind == TokenKind.Unknown).ToList();

        // "苹果香蕉+1" when nobody sells bananas: the count was meant for both, so ask.
        foreach (var claim in binding.Named.Where(c => !c.EveryItem))
        {
            var from = Math.Min(claim.Items[0].Start, claim.Count.Start);
            var to = Math.Max(claim.Items[^1].End, claim.Count.End);
            if (unknowns.Find(u => u.Start > from && u.End < to) is { } inside)
            {
                return ParsedReply.Unclear($"no item matches '{inside.Text}'");
            }
        }

        var problem = resolver.TryResolve(binding, unknowns, setting: false, out var lines);
        return problem is null ? new ParsedReply(ReplyKind.Order, lines) : ParsedReply.Unclear(problem);
    }

    private static string ClauseOf(ReplyToken token, string text, IReadOnlyList<(int Start, int End)> clauses)
    {
        foreach (var (start, end) in clauses)
        {
            if (token.Start >= start && token.Start < end)
            {
                return text[start..end];
            }
        }

        return text;
    }

    // Nothing but "要", "我也要", "来一个" and politeness: the words of someone who wants the thing.
    private static bool WantsIt(string text)
    {
        var words = string.Concat(text.Where(char.IsLetter));
        return words.Length > 0 && !words.Contains('不', StringComparison.Ordinal) && Fillers.IsFiller(words)
            && WantWords.Any(w => words.Contains(w, StringComparison.Ordinal));
    }
}
