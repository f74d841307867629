using GroupBuy.Conversations.Templates;

namespace GroupBuy.BotHost.Console.Pages.Templates;

/// <summary>Which kind of chat a sample stands for, so ops see each channel's wording.</summary>
public static class SampleNotes
{
    public static string? For(TemplateSample sample) =>
        sample.Model.GetType().GetProperty("MentionRequired")?.GetValue(sample.Model) is true
            ? "只听 @ 的群，如企业微信机器人：示例带 @"
            : null;
}
