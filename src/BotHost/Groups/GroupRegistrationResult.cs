using GroupBuy.Conversations.Groups;

namespace GroupBuy.BotHost.Groups;

/// <summary>
/// What became of a registration: the group added to the unit of work, or the id of the group that
/// already has this chat, or neither when the checks refused it (the reasons are in the caller's errors).
/// </summary>
internal sealed record GroupRegistrationResult(Group? Added, long? AlreadyRegisteredAs)
{
    public static GroupRegistrationResult Invalid { get; } = new(null, null);
}
