using System.Text.RegularExpressions;

namespace GroupBuy.BotHost.Console.Pages.Templates;

/// <summary>Scriban's and the sandbox's messages, said in Chinese where we know them; the original stays beside for the rest.</summary>
public static partial class TemplateErrorWords
{
    public static string Explain(string message)
    {
        if (UnknownVariable().Match(message) is { Success: true } unknown)
        {
            return $"没有叫 {unknown.Groups[1].Value} 的变量（右边列出了能用的变量）。";
        }

        return message switch
        {
            _ when message.Contains("LoopLimit", StringComparison.OrdinalIgnoreCase) || message.Contains("loop limit", StringComparison.OrdinalIgnoreCase)
                => "循环次数超过上限，可能是死循环。",
            _ when message.Contains("output", StringComparison.OrdinalIgnoreCase) && message.Contains("limit", StringComparison.OrdinalIgnoreCase)
                => "生成的消息太长，超过了上限。",
            _ when message.Contains("longer than", StringComparison.OrdinalIgnoreCase)
                => "渲染超时，可能是死循环。",
            _ when message.Contains("Unexpected", StringComparison.OrdinalIgnoreCase) || message.Contains("Expecting", StringComparison.OrdinalIgnoreCase) || message.Contains("end of", StringComparison.OrdinalIgnoreCase)
                => "语法错误：" + message,
            _ when message.Contains("empty", StringComparison.OrdinalIgnoreCase)
                => "模板是空的，机器人会什么都不发。",
            _ => message,
        };
    }

    [GeneratedRegex("variable or function `([^`]+)` was not found", RegexOptions.IgnoreCase)]
    private static partial Regex UnknownVariable();
}
