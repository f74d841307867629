using GroupBuy.Conversations.Privacy;

namespace GroupBuy.BotHost.Console;

/// <summary>
/// A resident's name as console pages show it. Residents keep no phone number or address, but
/// group nicknames often carry both ("8栋201王姐", "王姐13812345678"), so a name is masked as logs
/// mask chat text (138****5678) before it is listed.
/// </summary>
public static class ShownName
{
    public static string Of(string displayName) => PersonalData.MaskText(displayName);
}
