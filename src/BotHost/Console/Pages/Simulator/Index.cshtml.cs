using System.Text.Json;
using GroupBuy.BotHost.Channels.Simulator;
using GroupBuy.Conversations.Groups;
using GroupBuy.Conversations.Simulator;
using GroupBuy.Conversations.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GroupBuy.BotHost.Console.Pages.Simulator;

/// <summary>
/// The chat simulator: a simulated group played in the browser. What people say goes into the
/// inbox like a webhook; what the bot says is polled from the simulator channel's store.
/// </summary>
public sealed class IndexModel(SimulatorChat simulator, DemoCommunity demo, Audit audit, BusinessTimeZone zone) : PageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // Safe inside a <script> block: < > & and quotes still come out as \u escapes; Chinese stays readable.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public IReadOnlyList<Group> Groups { get; private set; } = [];

    public Group? Group { get; private set; }

    public IReadOnlyList<SimulatorMessage> Messages { get; private set; } = [];

    public long LastId => Messages.Count == 0 ? 0 : Messages[^1].Id;

    /// <summary>The private lines, for the script to show for whoever is speaking.</summary>
    public string InitialJson => JsonSerializer.Serialize(Messages.Where(m => m.ChatId is null).Select(Present), Json);

    [BindProperty(SupportsGet = true)]
    public string? Name { get; set; } = "王阿姨";

    [BindProperty(SupportsGet = true)]
    public bool AsLeader { get; set; }

    public BusinessTimeZone Zone => zone;

    public async Task OnGetAsync(string? chat, CancellationToken cancellationToken)
    {
        Groups = await simulator.GroupsAsync(cancellationToken);
        Group = Groups.FirstOrDefault(g => g.ChatId == chat) ?? Groups.LastOrDefault();
        if (Group is not null)
        {
            Messages = await simulator.MessagesAsync(Group, after: 0, cancellationToken);
        }
    }

    /// <summary>New lines after <paramref name="after"/>, for the page's script (polled about once a second).</summary>
    public async Task<IActionResult> OnGetMessagesAsync(string chat, long after, CancellationToken cancellationToken)
    {
        if (await simulator.GroupAsync(chat, cancellationToken) is not { } group)
        {
            return NotFound();
        }

        var messages = await simulator.MessagesAsync(group, after, cancellationToken);
        return new JsonResult(messages.Select(Present), Json);
    }

    public async Task<IActionResult> OnPostSayAsync(string chat, string? text, bool privately, bool photo, CancellationToken cancellationToken)
    {
        if (await simulator.GroupAsync(chat, cancellationToken) is not { } group)
        {
            return NotFound();
        }

        var name = AsLeader ? group.LeaderName : (Name ?? string.Empty).Trim();
        text = text?.Trim();
        string? problem = name.Length is 0 or > 32 ? "请填一个名字（最多 32 个字）。"
            : !photo && string.IsNullOrEmpty(text) ? "请输入要说的话。"
            : text is { Length: > SimulatorChat.MaxTextLength } ? $"一条消息最多 {SimulatorChat.MaxTextLength} 个字。"
            : null;
        if (problem is not null)
        {
            return Request.Headers.Accept.ToString().Contains("application/json", StringComparison.Ordinal)
                ? BadRequest(new ProblemDetails { Status = 400, Title = "说不了", Detail = problem })
                : Back(chat, problem);
        }

        var personId = AsLeader ? group.LeaderId : SimulatorChat.PersonIdOf(name);
        var picture = photo ? new Uri($"{Request.Scheme}://{Request.Host}/console/sample-photo.svg") : null;
        await simulator.SayAsync(group, personId, name, text, picture, privately, cancellationToken);
        return Request.Headers.Accept.ToString().Contains("application/json", StringComparison.Ordinal)
            ? new JsonResult(new { personId })
            : Back(chat, notice: null);
    }

    public async Task<IActionResult> OnPostDemoAsync(CancellationToken cancellationToken)
    {
        var group = await demo.CreateAsync(chatId: null, cancellationToken);
        if (group is null)
        {
            return Back(null, "演示群刚刚被别人创建了，请再点一次。");
        }

        await audit.RecordAsync(User, "simulator.demo", group.ChatId, group.Name, cancellationToken);
        TempData["Notice"] = $"已创建“{group.Name}”和一个已发布的活动，试着说“苹果+2”。";
        return RedirectToPage(new { chat = group.ChatId });
    }

    private RedirectToPageResult Back(string? chat, string? notice)
    {
        if (notice is not null)
        {
            TempData["Notice"] = notice;
        }

        return RedirectToPage(new { chat, Name, AsLeader });
    }

    private object Present(SimulatorMessage m) => new
    {
        m.Id,
        m.ChatId,
        m.PersonId,
        m.SenderName,
        m.FromBot,
        m.Text,
        At = zone.Time(m.At),
    };
}
