using System.Text.Json.Nodes;
using GroupBuy.Conversations.Campaigns;

namespace GroupBuy.Conversations.Ordering.Llm;

/// <summary>
/// The JSON the model must answer with (<see cref="Schema"/>, sent as the structured-output format)
/// and the checks that turn it into a <see cref="LlmReading"/>. A model can still answer anything,
/// so whatever does not fit exactly (or names an item the offer does not have) stays unclear: a
/// wrong order costs a resident money, an unclear one only a question back.
/// </summary>
internal sealed record LlmAnswer(string Kind, IReadOnlyList<LlmAnswer.Line> Lines)
{
    public const string SchemaName = "order_reading";
    public const int MinQuantity = 1;
    public const int MaxQuantity = 99;

    public const string Order = "order";
    public const string Change = "change";
    public const string Cancel = "cancel";
    public const string CancelAll = "cancel_all";
    public const string None = "none";
    public const string Unclear = "unclear";

    /// <summary>
    /// Plain types only, in the subset OpenAI's strict mode takes (every property required, no
    /// additional properties): ranges and catalog membership are checked here instead, since
    /// compatible servers differ in which keywords they honour.
    /// </summary>
    public static readonly BinaryData Schema = BinaryData.FromString(JsonNode.Parse("""
        {
          "type": "object",
          "properties": {
            "kind": { "type": "string", "enum": ["order", "change", "cancel", "cancel_all", "none", "unclear"] },
            "lines": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "itemNo": { "type": "integer" },
                  "quantity": { "type": "integer" }
                },
                "required": ["itemNo", "quantity"],
                "additionalProperties": false
              }
            }
          },
          "required": ["kind", "lines"],
          "additionalProperties": false
        }
        """)!.ToJsonString());

    internal sealed record Line(int ItemNo, int Quantity);

    /// <summary>
    /// The content as exactly one answer object: null for anything else (not JSON, text around it,
    /// a code fence, missing or unknown or duplicated properties, nulls, numbers in strings).
    /// </summary>
    public static LlmAnswer? Parse(string? content) => LlmJson.ParseStrict<LlmAnswer>(content);

    /// <summary>
    /// The reading this answer stands for, or null with the reason (a fixed phrase, safe to log).
    /// </summary>
    public LlmReading? ToReading(IReadOnlyList<CampaignItem> catalog, out string outcome)
    {
        OrderEdit edit;
        switch (Kind)
        {
            case Order:
                edit = OrderEdit.Add;
                break;
            case Change:
                edit = OrderEdit.Set;
                break;
            case Cancel:
                edit = OrderEdit.Remove;
                break;
            case CancelAll:
                edit = OrderEdit.RemoveAll;
                break;
            case None or Unclear:
                outcome = $"the model answered '{Kind}'";
                return null;
            default:
                outcome = "a kind outside the schema";
                return null;
        }

        return edit == OrderEdit.RemoveAll ? CancelEverything(out outcome) : ItemLines(edit, catalog, out outcome);
    }

    private LlmReading? CancelEverything(out string outcome)
    {
        if (Lines.Count > 0)
        {
            // "Cancel everything" with items listed is two readings at once; neither is safe to act on.
            outcome = "lines on a cancel_all";
            return null;
        }

        outcome = "read";
        return new LlmReading(OrderEdit.RemoveAll, []);
    }

    private LlmReading? ItemLines(OrderEdit edit, IReadOnlyList<CampaignItem> catalog, out string outcome)
    {
        if (Lines.Count == 0)
        {
            outcome = "no lines";
            return null;
        }

        var known = catalog.Select(i => i.ItemNo).ToHashSet();
        var lines = new List<OrderQuantity>();
        foreach (var line in Lines)
        {
            if (line is null)
            {
                outcome = "an empty line";
                return null;
            }

            if (!known.Contains(line.ItemNo))
            {
                outcome = "an item number the offer does not have";
                return null;
            }

            if (line.Quantity is < MinQuantity or > MaxQuantity)
            {
                outcome = $"a quantity outside {MinQuantity}..{MaxQuantity}";
                return null;
            }

            var earlier = lines.Find(l => l.ItemNo == line.ItemNo);
            if (earlier is null)
            {
                lines.Add(new OrderQuantity(line.ItemNo, line.Quantity));
            }
            else if (earlier.Quantity != line.Quantity)
            {
                outcome = "one item with conflicting quantities";
                return null;
            }

            // Else the same line again: the model repeating itself, not a second helping (the
            // prompt asks for each item once, with its total).
        }

        outcome = "read";
        return new LlmReading(edit, lines);
    }
}
