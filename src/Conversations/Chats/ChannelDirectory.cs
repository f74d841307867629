namespace GroupBuy.Conversations.Chats;

/// <summary>The chat channels this host has, by name.</summary>
public sealed class ChannelDirectory
{
    private readonly Dictionary<string, IChatChannel> channels;

    public ChannelDirectory(IEnumerable<IChatChannel> channels)
    {
        this.channels = channels.ToDictionary(c => c.Name, StringComparer.Ordinal);
    }

    public IChatChannel? Find(string name) => channels.GetValueOrDefault(name);
}
