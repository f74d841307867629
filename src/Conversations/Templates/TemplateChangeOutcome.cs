namespace GroupBuy.Conversations.Templates;

public enum TemplateChangeOutcome
{
    Saved,

    /// <summary>The text has errors (syntax, unknown variables, sandbox limits); nothing was stored.</summary>
    Invalid,

    /// <summary>The text is what the bot says already; no version was added.</summary>
    Unchanged,

    /// <summary>Someone saved another version since the editor opened it; nothing was stored.</summary>
    Conflict,

    UnknownTemplate,

    UnknownVersion,
}
