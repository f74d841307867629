namespace GroupBuy.Conversations.AfterSales.Llm;

/// <summary>
/// What the model read from a resident's message: whether it reports a problem with goods they
/// bought (or asks for after-sales help), and which of the four kinds it is. <see cref="Type"/> is
/// null for a complaint whose kind cannot be told, and always null when <see cref="IsComplaint"/> is false.
/// </summary>
public sealed record IssueClassification(bool IsComplaint, IssueType? Type);
