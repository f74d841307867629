using GroupBuy.Conversations.Ops;
using GroupBuy.Conversations.Storage;
using Microsoft.EntityFrameworkCore;

namespace GroupBuy.Conversations.Templates;

/// <summary>
/// Ops' versions of the message templates: read, checked, saved, rolled back, reset. A text is
/// stored only when it parses and every sample of its template renders inside the sandbox, so an
/// endless loop, a huge output or a misspelt variable is refused here and never reaches a chat.
/// </summary>
public sealed class TemplateStore(GroupBuyDbContext db, MessageTemplates templates, TemplateOverrides overrides, TimeProvider clock)
{
    public bool Exists(string name) => TemplateCatalog.ModelOf(name) is not null && templates.Defaults.Find(name) is not null;

    /// <summary>Every template with its current version, by name.</summary>
    public async Task<IReadOnlyList<TemplateState>> ListAsync(CancellationToken cancellationToken)
    {
        var latest = await LatestVersions().ToListAsync(cancellationToken);
        var byName = latest.ToDictionary(v => v.Name, StringComparer.Ordinal);
        return [.. templates.Defaults.Names.Where(Exists).Select(n => new TemplateState(n, templates.Defaults.Find(n)!, byName.GetValueOrDefault(n)))];
    }

    public async Task<TemplateState?> FindAsync(string name, CancellationToken cancellationToken)
    {
        if (!Exists(name))
        {
            return null;
        }

        var latest = await db.TemplateVersions.AsNoTracking().Where(v => v.Name == name).OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);
        return new TemplateState(name, templates.Defaults.Find(name)!, latest);
    }

    /// <summary>Newest first.</summary>
    public async Task<IReadOnlyList<TemplateVersion>> HistoryAsync(string name, CancellationToken cancellationToken) =>
        await db.TemplateVersions.AsNoTracking().Where(v => v.Name == name).OrderByDescending(v => v.Number).ToListAsync(cancellationToken);

    /// <summary>Renders every sample of the template with <paramref name="text"/>; syntax errors come first and stop there.</summary>
    public async Task<(IReadOnlyList<TemplateError> SyntaxErrors, IReadOnlyList<TemplateSampleOutput> Samples)> PreviewAsync(string name, string text, CancellationToken cancellationToken)
    {
        var syntax = templates.Check(text);
        if (syntax.Count > 0)
        {
            return (syntax, []);
        }

        var outputs = new List<TemplateSampleOutput>();
        foreach (var sample in TemplateSamples.For(name))
        {
            try
            {
                outputs.Add(new(sample, await templates.RenderAsync(name, text, sample.Model, cancellationToken), []));
            }
            catch (TemplateException ex)
            {
                outputs.Add(new(sample, null, ex.Errors));
            }
        }

        return ([], outputs);
    }

    /// <summary>Every problem of a text: syntax, then what any sample's render ran into, each once.</summary>
    public async Task<IReadOnlyList<TemplateError>> CheckAsync(string name, string text, CancellationToken cancellationToken)
    {
        var (syntax, samples) = await PreviewAsync(name, text, cancellationToken);
        if (syntax.Count > 0)
        {
            return syntax;
        }

        var errors = samples.SelectMany(s => s.Errors).Distinct().ToList();
        return errors.Count > 0 || text.Trim().Length > 0 ? errors : [new TemplateError(1, 1, "The template is empty; the bot would send nothing.")];
    }

    /// <summary>
    /// Stores <paramref name="text"/> as the next version. <paramref name="basedOn"/> is the version
    /// the editor started from: when someone saved since, nothing is stored (no silent overwrite).
    /// </summary>
    public async Task<TemplateChange> SaveAsync(string name, string text, string author, string? note, int? basedOn, CancellationToken cancellationToken)
    {
        if (await FindAsync(name, cancellationToken) is not { } state)
        {
            return TemplateChange.Of(TemplateChangeOutcome.UnknownTemplate);
        }

        if (basedOn is { } expected && expected != state.Version)
        {
            return TemplateChange.Of(TemplateChangeOutcome.Conflict);
        }

        text = Normalize(text);
        if (text == Normalize(state.Text))
        {
            return TemplateChange.Of(TemplateChangeOutcome.Unchanged);
        }

        var errors = await CheckAsync(name, text, cancellationToken);
        if (errors.Count > 0)
        {
            return new(TemplateChangeOutcome.Invalid, null, errors);
        }

        // Saving the default's own text again is a reset: the file stays the source of truth.
        var stored = text == Normalize(state.DefaultText) ? null : text;
        return await AddAsync(state, stored, author, "template.save", note, restoredFrom: null, cancellationToken);
    }

    /// <summary>Makes an earlier version current again, as a new version copying it (the history only grows).</summary>
    public async Task<TemplateChange> RollbackAsync(string name, int toVersion, string author, string? note, CancellationToken cancellationToken)
    {
        if (await FindAsync(name, cancellationToken) is not { } state)
        {
            return TemplateChange.Of(TemplateChangeOutcome.UnknownTemplate);
        }

        var target = await db.TemplateVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Name == name && v.Number == toVersion, cancellationToken);
        if (target is null)
        {
            return TemplateChange.Of(TemplateChangeOutcome.UnknownVersion);
        }

        if (target.Number == state.Version)
        {
            return TemplateChange.Of(TemplateChangeOutcome.Unchanged);
        }

        // The models may have changed since that version was saved: it is checked like a new edit.
        if (target.Text is { } text && await CheckAsync(name, text, cancellationToken) is { Count: > 0 } errors)
        {
            return new(TemplateChangeOutcome.Invalid, null, errors);
        }

        return await AddAsync(state, target.Text, author, "template.rollback", note ?? $"回滚到 v{target.Number}", target.Number, cancellationToken);
    }

    /// <summary>Puts the shipped default back (as a new version without text).</summary>
    public async Task<TemplateChange> ResetAsync(string name, string author, string? note, CancellationToken cancellationToken)
    {
        if (await FindAsync(name, cancellationToken) is not { } state)
        {
            return TemplateChange.Of(TemplateChangeOutcome.UnknownTemplate);
        }

        return state.IsEdited
            ? await AddAsync(state, null, author, "template.reset", note ?? "恢复默认", restoredFrom: null, cancellationToken)
            : TemplateChange.Of(TemplateChangeOutcome.Unchanged);
    }

    /// <summary>The current texts of every edited template, and the newest version id: what a host renders with.</summary>
    public async Task<(IReadOnlyDictionary<string, string> Texts, long Stamp)> CurrentTextsAsync(CancellationToken cancellationToken)
    {
        var stamp = await db.TemplateVersions.MaxAsync(v => (long?)v.Id, cancellationToken) ?? 0;
        var latest = await LatestVersions().Where(v => v.Text != null).Select(v => new { v.Name, v.Text }).ToListAsync(cancellationToken);
        return (latest.ToDictionary(v => v.Name, v => v.Text!, StringComparer.Ordinal), stamp);
    }

    /// <summary>The newest version id stored, 0 for none: a cheap way to tell whether anything changed.</summary>
    public async Task<long> StampAsync(CancellationToken cancellationToken) =>
        await db.TemplateVersions.MaxAsync(v => (long?)v.Id, cancellationToken) ?? 0;

    private IQueryable<TemplateVersion> LatestVersions() =>
        db.TemplateVersions.AsNoTracking().Where(v => v.Number == db.TemplateVersions.Where(w => w.Name == v.Name).Max(w => w.Number));

    private async Task<TemplateChange> AddAsync(TemplateState state, string? text, string author, string action, string? note, int? restoredFrom, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var version = new TemplateVersion(state.Name, state.Version + 1, text, author, note, restoredFrom, now);
        db.TemplateVersions.Add(version);
        db.AuditEntries.Add(new AuditEntry(author, action, state.Name, $"v{version.Number}" + (version.Note is { } n ? $"：{n}" : string.Empty), now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // Two editors saved on top of the same version: the unique (name, number) let one in.
            db.ChangeTracker.Clear();
            return TemplateChange.Of(TemplateChangeOutcome.Conflict);
        }

        overrides.Apply(state.Name, text, version.Id);
        return new(TemplateChangeOutcome.Saved, version, []);
    }

    // Browsers send textarea lines with CRLF; templates are stored and compared with LF.
    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
