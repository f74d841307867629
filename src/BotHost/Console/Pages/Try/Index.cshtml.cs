using GroupBuy.BotHost.Campaigns;
using GroupBuy.BotHost.Http;
using GroupBuy.Conversations.Campaigns;
using GroupBuy.Conversations.Chats;
using GroupBuy.Conversations.Ordering;
using GroupBuy.Conversations.Ordering.Llm;
using GroupBuy.Conversations.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.BotHost.Console.Pages.Try;

/// <summary>
/// 试读回复: how the bot would read a reply in a campaign, by the dry run behind
/// <c>POST /api/campaigns/{id}/parse</c>. Nothing is stored; a configured model is asked, as the bot would.
/// </summary>
public sealed class IndexModel(GroupBuyDbContext db, ReplyReader reader, LlmReplyReader model, BotIdentity bot, TimeProvider clock) : PageModel
{
    private const int MaxListed = 100;

    [BindProperty(SupportsGet = true)]
    public long? CampaignId { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public string? SenderName { get; set; }

    /// <summary>Drafts and published campaigns, newest first: the ones whose replies are worth trying.</summary>
    public IReadOnlyList<Campaign> Campaigns { get; private set; } = [];

    /// <summary>The campaign the reply was read in.</summary>
    public Campaign? Chosen { get; private set; }

    /// <summary>Whether an unclear reply would go to the model (<c>Llm:Endpoint</c> is set).</summary>
    public bool ModelEnabled => model.IsEnabled;

    internal ParseResponse? Reading { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await ListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        CampaignId ??= Campaigns.FirstOrDefault(c => c.IsTakingOrders(now))?.Id ?? Campaigns.FirstOrDefault()?.Id;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await ListAsync(cancellationToken);
        Chosen = CampaignId is { } id ? await CampaignEndpoints.ReadAsync(db, id, cancellationToken) : null;
        if (Chosen is null)
        {
            ModelState.AddModelError(nameof(CampaignId), "请选择一个活动。");
            return Page();
        }

        var errors = new FieldErrors();
        Reading = await ReplyDryRun.ReadAsync(Chosen, new ParseRequest(Text, SenderName, ChatId: null, QuotedText: null), db, reader, bot, clock, errors, cancellationToken);
        foreach (var (field, messages) in errors.InChinese())
        {
            foreach (var message in messages)
            {
                // text → Text, senderName → SenderName: the form's fields are the request's.
                ModelState.AddModelError(char.ToUpperInvariant(field[0]) + field[1..], message);
            }
        }

        return Page();
    }

    private async Task ListAsync(CancellationToken cancellationToken) =>
        Campaigns = await db.Campaigns.AsNoTracking()
            .Where(c => c.Status != CampaignStatus.Closed)
            .OrderByDescending(c => c.Id)
            .Take(MaxListed)
            .ToListAsync(cancellationToken);
}
