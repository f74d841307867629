using System.Text.Json.Nodes;
using GroupBuy.Conversations.Ordering.Llm;

namespace GroupBuy.Conversations.AfterSales.Llm;

/// <summary>
/// The JSON the model must answer with (<see cref="Schema"/>, sent as the structured-output format)
/// and the checks that turn it into an <see cref="IssueClassification"/>. Whatever does not fit
/// exactly gives null: the dialog then asks the resident the numbered question, which costs one
/// message, where a wrong kind would send the complaint down the wrong window and evidence rules.
/// </summary>
internal sealed record IssueAnswer(bool Complaint, string Type)
{
    public const string SchemaName = "issue_classification";

    public const string Quality = "quality";
    public const string Order = "order";
    public const string Delivery = "delivery";
    public const string MistakenOrder = "mistaken_order";
    public const string Unclear = "unclear";

    /// <summary>The subset OpenAI's strict mode takes: every property required, no additional properties.</summary>
    public static readonly BinaryData Schema = BinaryData.FromString(JsonNode.Parse("""
        {
          "type": "object",
          "properties": {
            "complaint": { "type": "boolean" },
            "type": { "type": "string", "enum": ["quality", "order", "delivery", "mistaken_order", "unclear"] }
          },
          "required": ["complaint", "type"],
          "additionalProperties": false
        }
        """)!.ToJsonString());

    /// <summary>The content as exactly one answer object, or null for anything else.</summary>
    public static IssueAnswer? Parse(string? content) => LlmJson.ParseStrict<IssueAnswer>(content);

    /// <summary>
    /// The classification this answer stands for, or null with the reason (a fixed phrase, safe to log).
    /// </summary>
    public IssueClassification? ToClassification(out string outcome)
    {
        IssueType? type;
        switch (Type)
        {
            case Quality:
                type = IssueType.Quality;
                break;
            case Order:
                type = IssueType.Order;
                break;
            case Delivery:
                type = IssueType.Delivery;
                break;
            case MistakenOrder:
                type = IssueType.MistakenOrder;
                break;
            case Unclear:
                type = null;
                break;
            default:
                outcome = "a type outside the schema";
                return null;
        }

        if (!Complaint && type is not null)
        {
            // "Not a complaint, but a quality one" is two answers at once; neither is safe to act on.
            outcome = "a type on a non-complaint";
            return null;
        }

        outcome = "read";
        return new IssueClassification(Complaint, type);
    }
}
