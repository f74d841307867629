namespace GroupBuy.Conversations.AfterSales;

/// <summary>
/// A resident's message opens an after-sales intake. <see cref="SuggestedType"/> is set when the
/// words already tell the kind of problem ("烂了" is quality), so the dialog can skip that question;
/// <see cref="Phrase"/> is the words that decided it, for logs.
/// </summary>
public sealed record IntakeTrigger(IssueType? SuggestedType, string Phrase);
