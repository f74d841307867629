namespace GroupBuy.Conversations.Chats;

/// <summary>The chat channels a group can live on, as they are named in the admin API and stored.</summary>
public static class ChannelNames
{
    public const string Gateway = "gateway";
    public const string WeCom = "wecom";

    /// <summary>The console's chat simulator: a bridged group played in the browser, for trying the bot without a real chat.</summary>
    public const string Simulator = "simulator";

    public static IReadOnlyList<string> All { get; } = [Gateway, WeCom, Simulator];

    public static bool IsKnown(string? channel) => channel is Gateway or WeCom or Simulator;

    public static string EnsureKnown(string channel, string paramName) =>
        IsKnown(channel) ? channel : throw new ArgumentException($"Unknown channel '{channel}'.", paramName);
}
