using GroupBuy.Conversations.Templates;
using GroupBuy.Conversations.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GroupBuy.BotHost.Console.Pages.Templates;

/// <summary>
/// The template editor: the text, its errors at line and column, every sample rendered, the diff
/// against the current version, history, rollback and reset. Saving goes through the same
/// <see cref="TemplateStore"/> as the admin API.
/// </summary>
public sealed class EditModel(TemplateStore store, BusinessTimeZone zone) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Name { get; set; } = string.Empty;

    [BindProperty]
    public string Text { get; set; } = string.Empty;

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public int BasedOn { get; set; }

    public TemplateState State { get; private set; } = null!;

    public IReadOnlyList<TemplateVersion> History { get; private set; } = [];

    public IReadOnlyList<TemplateVariable> Variables { get; private set; } = [];

    public TemplatePreviewView Preview { get; private set; } = null!;

    public string? Problem { get; private set; }

    public BusinessTimeZone Zone => zone;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Text = State.Text;
        BasedOn = State.Version;
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? await ShowAsync(cancellationToken) : NotFound();

    /// <summary>The preview panel alone, for the page's script to refresh as ops type.</summary>
    public async Task<IActionResult> OnPostLivePreviewAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        return Partial("_TemplatePreview", await TemplatePreviewView.BuildAsync(store, Name, Text ?? string.Empty, State.Text, cancellationToken));
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var change = await store.SaveAsync(Name, Text ?? string.Empty, User.Actor(), Note, BasedOn, cancellationToken);
        return await AfterAsync(change, $"已保存为 v{change.Version?.Number}，几秒内所有群生效。", cancellationToken);
    }

    public async Task<IActionResult> OnPostRollbackAsync(int version, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var change = await store.RollbackAsync(Name, version, User.Actor(), note: null, cancellationToken);
        Text = State.Text;
        BasedOn = State.Version;
        return await AfterAsync(change, $"已回滚到 v{version}（保存为 v{change.Version?.Number}）。", cancellationToken);
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var change = await store.ResetAsync(Name, User.Actor(), note: null, cancellationToken);
        Text = State.Text;
        BasedOn = State.Version;
        return await AfterAsync(change, "已恢复默认模板。", cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(TemplateChange change, string notice, CancellationToken cancellationToken)
    {
        switch (change.Outcome)
        {
            case TemplateChangeOutcome.Saved:
                TempData["Notice"] = notice;
                return RedirectToPage(new { name = Name });
            case TemplateChangeOutcome.Unchanged:
                TempData["Notice"] = "内容和当前版本一样，没有新建版本。";
                return RedirectToPage(new { name = Name });
            case TemplateChangeOutcome.Conflict:
                await LoadAsync(cancellationToken);
                Problem = $"保存前有人改了这个模板（现在是 v{State.Version}）。下面的差异是你的内容和最新版本的对比，确认后再保存。";
                BasedOn = State.Version;
                return await ShowAsync(cancellationToken);
            case TemplateChangeOutcome.UnknownVersion:
                Problem = "没有这个版本。";
                return await ShowAsync(cancellationToken);
            default:
                Problem = "没有保存：模板有错误，见下方。";
                return await ShowAsync(cancellationToken);
        }
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await store.FindAsync(Name, cancellationToken) is not { } state)
        {
            return false;
        }

        State = state;
        History = await store.HistoryAsync(Name, cancellationToken);
        Variables = TemplateCatalog.VariablesOf(Name);
        return true;
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        Preview = await TemplatePreviewView.BuildAsync(store, Name, Text ?? string.Empty, State.Text, cancellationToken);
        return Page();
    }
}
