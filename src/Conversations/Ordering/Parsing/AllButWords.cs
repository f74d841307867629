namespace GroupBuy.Conversations.Ordering.Parsing;

/// <summary>
/// "除了面包都不要了", "除了三文鱼每样一份": the items named are the ones left out. Reading that
/// right needs the sender's order (or the whole catalog) turned inside out, which the bot should
/// confirm rather than guess, so such replies are asked about.
/// </summary>
internal static class AllButWords
{
    private static readonly string[] Words = ["除了", "以外", "之外"];

    public static bool In(string text) => Words.Any(w => text.Contains(w, StringComparison.Ordinal));
}
