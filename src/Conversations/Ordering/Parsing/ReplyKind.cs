namespace GroupBuy.Conversations.Ordering.Parsing;

/// <summary>What a resident's reply asks for.</summary>
public enum ReplyKind
{
    /// <summary>Adds the quantities to what the sender already ordered.</summary>
    Order = 0,

    /// <summary>Sets the quantities of the listed items.</summary>
    Change = 1,

    /// <summary>Removes the listed items, or everything the sender ordered when no line is given.</summary>
    Cancel = 2,

    /// <summary>Not an order: chit-chat, a question, thanks, a sticker.</summary>
    None = 3,

    /// <summary>Looks like an order but cannot be resolved; the bot asks back instead of guessing.</summary>
    Unclear = 4,
}
