namespace GroupBuy.Conversations.Ordering.Parsing;

/// <summary>
/// Pairs counts with items in reading order. A count after items belongs to them ("牛奶+1",
/// "牛奶面包各一份"); a count before an item belongs to that item ("+2 牛奶", "来一箱牛奶"); an
/// order verb with no count gives one of each item right after it ("要牛奶"). Names, addresses and
/// chatter in between are not tokens and do not get in the way.
/// </summary>
internal static class QuantityBinder
{
    public static Binding Bind(IEnumerable<ReplyToken> tokens)
    {
        var claims = new List<Claim>();
        var uncounted = new List<ReplyToken>();
        var pending = new List<ReplyToken>();
        ReplyToken? waiting = null;
        ReplyToken? verb = null;

        foreach (var token in tokens)
        {
            switch (token.Kind)
            {
                case TokenKind.Item when waiting is not null:
                    claims.Add(new Claim([token], waiting));
                    waiting = null;
                    break;
                case TokenKind.Item:
                    pending.Add(token);
                    break;
                case TokenKind.Quantity or TokenKind.Each when pending.Count > 0:
                    claims.Add(new Claim([.. pending], token));
                    pending.Clear();
                    verb = null;
                    break;
                case TokenKind.Each:
                    // "每样一份", "全部各一" with no item before it: every item.
                    claims.Add(new Claim([], token, EveryItem: true));
                    break;
                case TokenKind.Quantity:
                    if (waiting is not null)
                    {
                        claims.Add(new Claim([], waiting));
                    }

                    waiting = token;
                    verb = null;
                    break;
                case TokenKind.OrderVerb:
                    Settle(pending, verb, claims, uncounted);
                    verb = token;
                    break;
                default:
                    break;
            }
        }

        if (waiting is not null)
        {
            claims.Add(new Claim([], waiting));
        }

        Settle(pending, verb, claims, uncounted);
        return new Binding(claims, uncounted);
    }

    // Items still waiting for a count get one each if an order verb came before them ("要牛奶和面包").
    private static void Settle(List<ReplyToken> pending, ReplyToken? verb, List<Claim> claims, List<ReplyToken> uncounted)
    {
        if (pending.Count == 0)
        {
            return;
        }

        if (verb is not null && pending[0].Start > verb.Start)
        {
            var one = verb with { Kind = TokenKind.Each, Form = QuantityForm.Verb, Value = 1, NumberText = "1" };
            claims.Add(new Claim([.. pending], one));
        }
        else
        {
            uncounted.AddRange(pending);
        }

        pending.Clear();
    }
}
