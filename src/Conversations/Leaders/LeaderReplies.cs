using GroupBuy.Conversations.Routing;

namespace GroupBuy.Conversations.Leaders;

/// <summary>Answers to the leader that every command shares.</summary>
internal static class LeaderReplies
{
    /// <summary>Why the command could not be done, worded by the leader-problem template.</summary>
    public static Task ProblemAsync(this MessageContext context, string problem, string argument, string title, CancellationToken cancellationToken) =>
        context.ReplyAsync(new LeaderProblemMessage(problem, argument, title, context.Capabilities.MentionRequired, context.Bot.Name), cancellationToken);
}
