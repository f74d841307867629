using GroupBuy.BotHost.Groups;
using GroupBuy.BotHost.Http;
using GroupBuy.Conversations.Chats;
using GroupBuy.Conversations.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GroupBuy.BotHost.Console.Pages.Groups;

/// <summary>
/// 登记新群: the form is turned into the body of <c>POST /api/groups</c> and registered by the same
/// code (<see cref="GroupRegistration"/>), each refusal shown beside its field, the audit entry
/// saved with the group.
/// </summary>
public sealed class NewModel(GroupBuyDbContext db, Audit audit, TimeProvider clock) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Community { get; set; }

    [BindProperty]
    public string? Channel { get; set; } = ChannelNames.Gateway;

    [BindProperty]
    public string? ChatId { get; set; }

    [BindProperty]
    public string? LeaderId { get; set; }

    [BindProperty]
    public string? LeaderName { get; set; }

    /// <summary>Only for WeCom groups: robot, appChat or customerGroup.</summary>
    [BindProperty]
    public string? WeComRoute { get; set; }

    /// <summary>A secret: taken from the form, never written back into it.</summary>
    [BindProperty]
    public string? RobotKey { get; set; }

    /// <summary>The group that already has this chat, when that is why the form came back.</summary>
    public long? AlreadyRegisteredAs { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // What the form leaves empty is left out of the body, as a script would leave it out.
        var request = new GroupRequest(ChatId, Channel, Name, Community, LeaderId, LeaderName, Blank(WeComRoute), Blank(RobotKey));
        var errors = new FieldErrors();
        var registration = await GroupRegistration.AddAsync(request, db, clock.GetUtcNow(), errors, cancellationToken);
        if (registration.AlreadyRegisteredAs is { } registered)
        {
            return AlreadyRegistered(registered);
        }

        if (registration.Added is not { } group)
        {
            foreach (var (field, messages) in errors.InChinese())
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(char.ToUpperInvariant(field[0]) + field[1..], message);
                }
            }

            return Page();
        }

        // The audit entry names the group, whose id the first save gives; one transaction keeps both or neither.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (await GroupRegistration.TrySaveAsync(db, group, cancellationToken))
            {
                audit.Record(User, "group.create", $"group {group.Id}", $"{group.Channel} {group.ChatId} {group.Name}");
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                TempData["Notice"] = $"“{group.Name}”已登记。";
                return Redirect($"/console/groups/{group.Id}");
            }
        }

        // Registered by someone else between the check and the save.
        return AlreadyRegistered(await GroupRegistration.RegisteredIdAsync(db, group.Channel, group.ChatId, cancellationToken) ?? 0);
    }

    private PageResult AlreadyRegistered(long id)
    {
        AlreadyRegisteredAs = id;
        ModelState.AddModelError(nameof(ChatId), "这个群已经登记过了，不用再登记。");
        return Page();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
